using Bookish.Diagnostics;
using Bookish.Text;
using Bookish.Toolchain;

namespace Bookish.Latex;

/// <summary>The PDF a build produced (null on failure) and what went wrong, at source spans.</summary>
public sealed record PdfResult(byte[]? Pdf, IReadOnlyList<Diagnostic> Diagnostics, int Runs);

/// <summary>
/// Compiles generated LaTeX with pdflatex in a private work directory: -no-shell-escape, -halt-on-error, nonstop,
/// reruns only while the log asks (at most 3), a timeout on each run; errors are mapped back to source spans.
/// </summary>
public static class PdfBuilder
{
    public static async Task<PdfResult> BuildAsync(LatexDocument document, string resourceRoot, string sourcePath, TimeSpan timeout, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, byte[]>? generated = null)
    {
        var work = Security.TempFolders.Create("pdf");
        try
        {
            foreach (var (relative, bytes) in generated ?? new Dictionary<string, byte[]>())
            {
                var to = Path.GetFullPath(Path.Combine(work, relative));
                if (!to.StartsWith(work, StringComparison.Ordinal)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.WriteAllBytes(to, bytes);
            }
            foreach (var resource in document.Resources.Distinct())
            {
                var from = Path.GetFullPath(Path.Combine(resourceRoot, resource));
                var to = Path.GetFullPath(Path.Combine(work, resource));
                if (!File.Exists(from) || !to.StartsWith(work, StringComparison.Ordinal)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, true);
            }
            File.WriteAllText(Path.Combine(work, "document.tex"), document.Tex);
            var runs = 0;
            string log = "";
            for (var i = 0; i < 3; i++)
            {
                runs++;
                var r = await TexSandbox.RunAsync("pdflatex",
                    ["-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "document.tex"], work, timeout, cancellationToken: cancellationToken);
                var logPath = Path.Combine(work, "document.log");
                log = File.Exists(logPath) ? File.ReadAllText(logPath) : r.StandardOutput;
                if (r.TimedOut)
                    return new PdfResult(null, [Diagnostic.Error(DiagnosticIds.PdfError, SourceSpan.At(sourcePath, 0, 0), $"pdflatex did not finish within {timeout.TotalSeconds:0} s")], runs);
                if (r.ExitCode != 0) return new PdfResult(null, Errors(document, log, sourcePath), runs);
                if (!log.Contains("Rerun to get", StringComparison.Ordinal) && !log.Contains("Label(s) may have changed", StringComparison.Ordinal)
                    && !(i == 0 && document.Tex.Contains("\\tableofcontents", StringComparison.Ordinal)))
                    break;
            }
            var pdf = Path.Combine(work, "document.pdf");
            return File.Exists(pdf)
                ? new PdfResult(File.ReadAllBytes(pdf), [], runs)
                : new PdfResult(null, [Diagnostic.Error(DiagnosticIds.PdfError, SourceSpan.At(sourcePath, 0, 0), "pdflatex wrote no PDF")], runs);
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }

    private static IReadOnlyList<Diagnostic> Errors(LatexDocument document, string log, string sourcePath)
    {
        var errors = TexLog.Errors(log);
        if (errors.Count == 0)
            return [Diagnostic.Error(DiagnosticIds.PdfError, SourceSpan.At(sourcePath, 0, 0), "pdflatex failed: " + string.Join(" ", log.Split('\n').TakeLast(4)).Trim())];
        return errors.Take(1).Select(e =>
        {
            var span = e.Line > 0 ? document.SpanOf(e.Line) : null;
            return Diagnostic.Error(DiagnosticIds.PdfError, span ?? SourceSpan.At(sourcePath, 0, 0), "LaTeX error in the PDF: " + TexLog.Describe(log, e));
        }).ToList();
    }
}
