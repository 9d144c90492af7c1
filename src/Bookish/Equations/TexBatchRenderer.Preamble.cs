using Bookish.Diagnostics;
using Bookish.Text;
using Bookish.Toolchain;

namespace Bookish.Equations;

/// <summary>
/// Errors TeX reports before the first fragment begins belong to the preamble: a package or a macro the author
/// wrote in the front matter or a notation file. They are reported at that line, once per build, with TeX's words,
/// and never blamed on an equation.
/// </summary>
internal sealed partial class TexBatchRenderer
{
    /// <summary>Files a preamble error under the author's line that was being read (the last <c>BKD</c> marker before it).</summary>
    private static void PreambleError(string log, TexError error, Dictionary<int, string> errors)
    {
        var line = PreambleMarker().Matches(log).Where(m => m.Index < error.LogPosition).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Last();
        errors.TryAdd(line, TexLog.Describe(log, error));
    }

    private static void ReportPreamble(Dictionary<int, string> errors, MathSettings settings, List<Diagnostic> diagnostics)
    {
        if (errors.Count == 0) return;
        var lines = settings.Preamble.Replace("\r", "").Split('\n');
        foreach (var (index, message) in errors)
        {
            var text = index >= 0 && index < lines.Length ? lines[index] : null;
            var span = text is not null && settings.PreambleOrigins.TryGetValue(text, out var s) ? s : SourceSpan.None;
            var what = text is null ? "the equation preamble" : text.StartsWith("\\usepackage", StringComparison.Ordinal) ? "this package" : "this macro";
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.PreambleError, span, $"LaTeX rejects {what}: {message}"));
        }
    }

    /// <summary>Every batch reads the same preamble: its errors are reported once.</summary>
    private static IEnumerable<Diagnostic> Once(IEnumerable<Diagnostic> diagnostics, HashSet<(SourceSpan, string)> seen) =>
        diagnostics.Where(d => d.Id != DiagnosticIds.PreambleError || seen.Add((d.Span, d.Message)));
}
