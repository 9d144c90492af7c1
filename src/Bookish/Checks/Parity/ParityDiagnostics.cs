using Bookish.Diagnostics;
using Bookish.Publishing;
using Bookish.Text;

namespace Bookish.Checks.Parity;

/// <summary>A parity report as BK4100 diagnostics (one per difference, at the source line the HTML names), for <c>bookish check</c>.</summary>
internal static class ParityDiagnostics
{
    /// <summary>For <c>bookish check</c> after a build: the build's HTML against its PDF, at source paths under the input folder.</summary>
    public static IReadOnlyList<Diagnostic> ForBuild(BuildResult build)
    {
        if (build.PdfPath is null)
            return [Diagnostic.Error(DiagnosticIds.ParityDifference, SourceSpan.At(build.OutputDirectory, 0, 0), "parity: the build wrote no PDF to compare with")];
        return From(ParityChecker.Compare(build.OutputDirectory, build.PdfPath), build.Publication?.Pages.FirstOrDefault()?.BaseDirectory);
    }

    /// <param name="sourceFolder">Folder the HTML's <c>data-src</c> file names are relative to (the input folder), or null to keep them bare.</param>
    public static IReadOnlyList<Diagnostic> From(ParityReport report, string? sourceFolder = null)
    {
        if (report.InputError is not null)
            return [Diagnostic.Error(DiagnosticIds.ParityDifference, SourceSpan.At(report.PdfPath, 0, 0), "parity: " + report.InputError)];
        return report.Differences.Select(d =>
        {
            var span = SourceSpan.At(report.HtmlPath, 0, 0);
            if (d.Location.Source is { Length: > 0 } src)
            {
                var colon = src.LastIndexOf(':');
                var file = colon > 0 ? src[..colon] : src;
                var line = colon > 0 && int.TryParse(src[(colon + 1)..], out var n) ? n : 0;
                span = SourceSpan.At(sourceFolder is null ? file : Path.Combine(sourceFolder, file), line, line > 0 ? 1 : 0);
            }
            var context = d.Context is { Length: > 0 } c ? " — " + c : "";
            return Diagnostic.Error(DiagnosticIds.ParityDifference, span, $"HTML and PDF differ ({d.Kind.ToString().ToLowerInvariant()}): {d.Message}{context}");
        }).ToList();
    }
}
