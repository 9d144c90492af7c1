using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Citations;

/// <summary>A cited reference: its number (order of first citation in the publication), key and formatted text.</summary>
internal sealed record Reference(int Number, string Key, string Text, string? Link)
{
    public string Id => "ref-" + Key;
}

/// <summary>The references a publication cites, numbered by first citation; the same list feeds HTML and PDF.</summary>
internal sealed record Bibliography(IReadOnlyList<Reference> References)
{
    public static Bibliography Empty { get; } = new([]);

    public Reference? Find(string key) => References.FirstOrDefault(r => r.Key == key);

    /// <summary>Reads the publication's <c>bibliography:</c> file and numbers the entries it cites; unknown keys are errors.</summary>
    public static Bibliography For(Publication publication, DiagnosticBag diagnostics)
    {
        var citations = publication.Pages.SelectMany(ModelWalker.Inlines).OfType<Citation>().ToList();
        if (citations.Count == 0) return Empty;
        var entries = new Dictionary<string, BibEntry>();
        var file = publication.Metadata.Bibliography;
        if (file is { Length: > 0 })
        {
            var page = publication.Pages[0];
            var resolved = new Security.ProjectRoot(page.ProjectRoot ?? page.BaseDirectory).Resolve(page.BaseDirectory, file);
            var at = Security.SourceLocator.Locate(page.SourcePath, "bibliography", file);
            if (resolved.Status is Security.PathStatus.Outside or Security.PathStatus.Invalid)
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathOutsideProject, at, resolved.Explain("bibliography file")));
            else if (File.Exists(resolved.RealPath))
                foreach (var e in BibTexReader.Read(new SourceText(Path.Combine(page.BaseDirectory, file), File.ReadAllText(resolved.RealPath)), diagnostics)) entries.TryAdd(e.Key, e);
            else diagnostics.Add(Diagnostic.Error(DiagnosticIds.Bibliography, at, $"bibliography file '{file}' not found"));
        }
        var references = new List<Reference>();
        foreach (var c in citations)
            foreach (var key in c.Keys)
            {
                if (references.Any(r => r.Key == key)) continue;
                if (!entries.TryGetValue(key, out var entry))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.Bibliography, c.Span, file is null ? $"citation '@{key}' but the front matter names no bibliography" : $"unknown citation key '{key}'"));
                    continue;
                }
                references.Add(new Reference(references.Count + 1, key, entry.Formatted(), entry.Link));
            }
        return new Bibliography(references);
    }

    /// <summary>"[1, 3]": the text of a citation, identical in both outputs.</summary>
    public string Label(Citation c) =>
        "[" + string.Join(", ", c.Keys.Select(k => Find(k)?.Number.ToString() ?? "?")) + "]";
}
