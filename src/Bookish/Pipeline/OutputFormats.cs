using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Publishing;
using Bookish.Security;

namespace Bookish.Pipeline;

/// <summary>
/// Which outputs a build writes: the page always; the PDF unless <c>--no-pdf</c> or a <c>formats:</c> list without
/// <c>pdf</c>; the EPUB with <c>--epub</c> or a <c>formats:</c> list naming <c>epub</c>. An unknown name is a warning.
/// </summary>
internal sealed record OutputFormats(bool Pdf, bool Epub, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static readonly string[] Known = ["html", "pdf", "epub"];

    public static OutputFormats For(Publication publication, BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var written = Written(publication.Metadata);
        if (written is null) return new OutputFormats(options.Pdf, options.Epub, []);
        var source = publication.Pages.Length > 0 ? publication.Pages[0].SourcePath : publication.Name;
        foreach (var name in written.Where(n => !Known.Contains(n)))
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.UnknownFormat, SourceLocator.Locate(source, "formats", name),
                $"formats: '{name}' is not an output Bookish writes (html, pdf, epub); ignored"));
        return new OutputFormats(options.Pdf && written.Contains("pdf"), options.Epub || written.Contains("epub"), diagnostics.ToList());
    }

    /// <summary>The front matter's <c>formats:</c> (a list, or one name or several separated by commas), lower case; null without it.</summary>
    internal static IReadOnlyList<string>? Written(Metadata metadata) => metadata.Raw.GetValueOrDefault("formats") switch
    {
        List<object?> list => list.Select(o => o?.ToString()?.Trim().ToLowerInvariant() ?? "").Where(s => s.Length > 0).ToList(),
        string s => s.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).ToList(),
        _ => null,
    };
}
