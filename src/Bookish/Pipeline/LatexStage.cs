using System.Collections.Immutable;
using System.Text;
using Bookish.Diagnostics;
using Bookish.Latex;
using Bookish.Model;
using Bookish.Publishing;
using Bookish.Security;
using Bookish.Text;

namespace Bookish.Pipeline;

/// <summary>The PDF stage's files (the PDF, and the .tex with --keep-tex), the PDF's name when one was made, and what LaTeX reported.</summary>
internal sealed record PdfStageResult(StagedFiles Staged, string? PdfName, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Stage 5b: the LaTeX writer over the same model, checks and failed-math set, typeset by pdflatex; a LaTeX error
/// becomes a marker in the piece that caused it and TeX runs again, so the PDF is never lost.
/// </summary>
internal static class LatexStage
{
    public static async Task<PdfStageResult> RunAsync(Publication publication, CheckResults checks, MathResults math, BuildOptions options, ProjectRoot root, string templates, CancellationToken ct)
    {
        var texTemplate = File.ReadAllText(Path.Combine(templates, publication.IsBook ? "book.tex" : "article.tex"));
        var generated = new Dictionary<string, byte[]>();
        foreach (var (id, plot) in checks.Plots) generated[PlotFile(id)] = plot.Pdf;
        var baseDir = publication.Pages[0].BaseDirectory;
        string? Resolve(Figure f)
        {
            if (f.PlotSource is not null || f.Generated is not null) return checks.Plots.ContainsKey(f.Id) ? PlotFile(f.Id) : null;
            if (root.Resolve(baseDir, f.Source) is not { IsReadable: true, RealPath: var path } || !File.Exists(path)) return null;
            if (!f.Source.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)) return f.Source;
            // SVG images become PDF with the same library that draws plots (no extra tool).
            var converted = Plots.SvgRaster.Pdf(File.ReadAllText(path));
            if (converted is null) return null;
            var name = "svg/" + Path.ChangeExtension(f.Source.Replace('/', '_').Replace('\\', '_'), ".pdf");
            generated[name] = converted;
            return name;
        }
        var context = new LatexWriterContext(publication, texTemplate, math.Settings.Preamble)
        {
            ResolveImage = Resolve,
            IsBrokenMath = math.HasFailed,
            Bibliography = checks.Bibliography,
            NotationRows = checks.AllNotationRows(publication),
        };
        // Only files inside the project go to pdflatex's folder (equations' and raw LaTeX's \includegraphics included).
        LatexDocument Contained(LatexDocument d) => d with { Resources = d.Resources.Where(r => generated.ContainsKey(r) || d.Generated.ContainsKey(r) || root.Resolve(baseDir, r).IsReadable).ToList() };
        var latex = Contained(LatexWriter.Write(context));
        Toolchain.PerfTrace.Mark("latex written");
        // A LaTeX error becomes a marker in the piece that caused it and TeX runs again: the PDF is never lost.
        LatexDocument Rewrite(IReadOnlyDictionary<SourceSpan, string> failed, IReadOnlySet<SourceSpan> shrink)
        {
            latex = Contained(LatexWriter.Write(context with { Failed = failed, Shrink = shrink }));
            return latex;
        }
        var pdf = await PdfBuilder.BuildAsync(latex, baseDir, publication.Pages[0].SourcePath, options.PdfTimeout, ct, generated, Rewrite,
            options.Toolchain, stall: options.TexTimeout);

        var files = ImmutableDictionary.CreateBuilder<string, byte[]>();
        if (options.KeepTex) files[publication.Name + ".tex"] = Encoding.UTF8.GetBytes(latex.Tex);
        var diagnostics = new List<Diagnostic>(latex.Warnings);
        diagnostics.AddRange(WithoutPreambleRepeats(pdf.Diagnostics, math.Diagnostics));
        string? pdfName = null;
        if (pdf.Pdf is not null)
        {
            pdfName = publication.Name + ".pdf";
            files[pdfName] = pdf.Pdf;
        }
        return new PdfStageResult(new StagedFiles(files.ToImmutable(), ImmutableDictionary<string, string>.Empty), pdfName, diagnostics);
    }

    private static string PlotFile(string figureId) => $"plots/{LatexWriter.LabelOf(figureId)}.pdf";

    /// <summary>
    /// The PDF reads the same preamble as the equations: an error the equation renderer already reported at its front
    /// matter line (a package or macro TeX rejects) is not reported again by the PDF.
    /// </summary>
    internal static IEnumerable<Diagnostic> WithoutPreambleRepeats(IEnumerable<Diagnostic> pdf, IEnumerable<Diagnostic> math)
    {
        var preamble = math.Where(d => d.Id == DiagnosticIds.PreambleError).ToList();
        var known = preamble.Select(d => TexWords(d.Message)).ToHashSet(StringComparer.Ordinal);
        // The same refused macro can read differently in the PDF run ("already defined" there, "undefined" here).
        var commands = preamble.Select(d => CommandNamed(d.Message)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return known.Count == 0 ? pdf : pdf.Where(d => d.Id != DiagnosticIds.PdfError
            || !(known.Contains(TexWords(d.Message)) || CommandNamed(d.Message) is { } c && commands.Contains(c)));
    }

    /// <summary>The control sequence of LaTeX's "Command \x …" errors, if the message is one.</summary>
    private static string? CommandNamed(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, @"LaTeX Error: Command (\\[A-Za-z@]+)") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>TeX's own error line ("! LaTeX Error: …."), without what Bookish put around it.</summary>
    private static string TexWords(string message)
    {
        var bang = message.IndexOf("! ", StringComparison.Ordinal);
        if (bang < 0) return message;
        var end = message.IndexOf(". ", bang, StringComparison.Ordinal);
        return end < 0 ? message[bang..] : message[bang..(end + 1)];
    }
}
