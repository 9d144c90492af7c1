using System.CommandLine;
using Bookish.Checks.Parity;

namespace Bookish.Cli;

/// <summary><c>bookish parity &lt;html-or-folder&gt; &lt;pdf&gt; [--format text|json|github]</c>: 0 agree, 1 differ, 2 bad input.</summary>
internal static class ParityCommand
{
    public static Command Create()
    {
        var html = new Argument<string>("html") { Description = "The built HTML page, or the output folder holding index.html" };
        var pdf = new Argument<string?>("pdf") { Description = "The built PDF (default: the only .pdf in the output folder)", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "Report format: text, json or github", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "github");
        var source = new Option<string?>("--source") { Description = "The folder of the document's source files (for --format github: annotations name them relative to the repository)" };
        var projectRoot = BookishCommand.RootOption();
        projectRoot.Description = "Refuse an HTML page or PDF whose real path (links followed) is outside this folder";
        var cmd = new Command("parity", "Check that the HTML and the PDF of a build say the same thing") { html, pdf, format, source, projectRoot, BookishCommand.UnsafeNoSandbox };
        cmd.SetAction(parse =>
        {
            var htmlPath = parse.GetValue(html)!;
            var pdfPath = parse.GetValue(pdf) ?? ParityChecker.PdfBeside(htmlPath);
            var root = parse.GetValue(projectRoot) is { } r ? new Bookish.Security.ProjectRoot(r) : null;
            var outside = root is null ? null
                : new[] { htmlPath, pdfPath }.OfType<string>().FirstOrDefault(p => root.Resolve(Path.GetFullPath(p)).Status is Bookish.Security.PathStatus.Outside or Bookish.Security.PathStatus.Invalid);
            var report = outside is not null
                ? ParityReport.Bad(htmlPath, pdfPath ?? "", $"{outside} is outside the root {root} (links followed); nothing was read", TimeSpan.Zero)
                : pdfPath is null
                ? ParityReport.Bad(htmlPath, "", $"no PDF named, and {htmlPath} is not an output folder holding exactly one .pdf", TimeSpan.Zero)
                : ParityChecker.Compare(htmlPath, pdfPath);
            var fmt = parse.GetValue(format)!;
            var text = ParityFormatter.Format(report, fmt, parse.GetValue(source));
            if (fmt == "text") Console.Error.Write(text);
            else
            {
                Console.Out.Write(text);
                Console.Error.WriteLine($"bookish parity: {(report.InputError ?? (report.Agree ? "HTML and PDF agree" : $"{report.Differences.Length} difference(s)"))} in {report.Elapsed.TotalMilliseconds:0} ms");
            }
            return report.ExitCode;
        });
        return cmd;
    }
}
