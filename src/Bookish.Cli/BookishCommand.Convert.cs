using System.CommandLine;
using Bookish.Writing.Markdown;

namespace Bookish.Cli;

internal static partial class BookishCommand
{
    /// <summary><c>bookish convert &lt;input&gt; -o DIR [--from kramdown]</c>: the equivalent Markdown-with-math, one file per page (or one converted Jekyll post).</summary>
    private static Command ConvertCommand()
    {
        var input = new Argument<string>("input") { Description = "A bookish XML root (article.xml, book.xml), a Markdown-era .json/.md, or any Bookish input" };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the Markdown files and the images they use", Required = true };
        var from = new Option<string>("--from") { Description = "What the input is: bookish (any Bookish input, the default) or kramdown (a Jekyll post with MathJax habits)", DefaultValueFactory = _ => "bookish" };
        from.AcceptOnlyFromAmong("bookish", "kramdown");
        var format = Format;
        var cmd = new Command("convert", "Write the equivalent Markdown-with-math of a document") { input, output, from, format };
        cmd.SetAction(parse =>
        {
            var result = parse.GetValue(from) == "kramdown"
                ? MarkdownConversion.ConvertKramdown(parse.GetValue(input)!, parse.GetValue(output)!)
                : MarkdownConversion.Convert(parse.GetValue(input)!, parse.GetValue(output)!);
            var fmt = FormatFor(parse, format, Console.IsErrorRedirected);
            DiagnosticPrinter.Print(result.Diagnostics, fmt, Console.Error, color: fmt == "pretty" && Colors);
            if (fmt is "text" or "pretty" && result.Files.Count > 0)
                Console.Error.WriteLine($"bookish: wrote {result.Files.Count} file(s) to {Path.GetRelativePath(Directory.GetCurrentDirectory(), result.OutputDirectory)}");
            return result.Diagnostics.Any(d => d.Id == Bookish.Diagnostics.DiagnosticIds.InputNotFound.Id) ? ExitCodes.Usage
                : result.Succeeded ? ExitCodes.Success : ExitCodes.Errors;
        });
        return cmd;
    }
}
