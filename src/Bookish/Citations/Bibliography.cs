using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Citations;

/// <summary>A cited reference: its number (order in the list), key and formatted text.</summary>
internal sealed record Reference(int Number, string Key, string Text, string? Link)
{
    public string Id => "ref-" + Key;
    /// <summary>Author-year style: "Doe", "Doe and Roe", "Doe et al."</summary>
    public string Author { get; init; } = "";
    /// <summary>Author-year style: "2020", or "2020a" when one author label has two works that year.</summary>
    public string Year { get; init; } = "";
}

/// <summary>The references a publication cites, in the style's order; the same list feeds HTML and PDF.</summary>
internal sealed partial record Bibliography(IReadOnlyList<Reference> References)
{
    public static Bibliography Empty { get; } = new([]);

    public CitationStyle Style { get; init; } = CitationStyle.Numeric;

    /// <summary>True when the front matter names a bibliography file: a bare <c>@word</c> is then a citation, never text.</summary>
    public bool Declared { get; init; }

    public Reference? Find(string key) => References.FirstOrDefault(r => r.Key == key);

    /// <summary>Reads the publication's <c>bibliography:</c> file and orders the entries it cites; unknown keys are errors.</summary>
    public static Bibliography For(Publication publication, DiagnosticBag diagnostics)
    {
        var style = StyleOf(publication, diagnostics);
        var file = publication.Metadata.Bibliography;
        var citations = publication.Pages
            .SelectMany(p => ModelWalker.Inlines(p).OfType<Citation>().Where(c => CitationLabels.AsCrossRef(c, p.Labels) is null))
            .Where(c => file is { Length: > 0 } || !c.Bare)
            .ToList();
        if (citations.Count == 0) return Empty with { Style = style, Declared = file is { Length: > 0 } };
        var entries = new Dictionary<string, BibEntry>();
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
        var cited = new List<BibEntry>();
        var seen = new HashSet<string>();
        foreach (var c in citations)
            foreach (var key in c.Keys)
            {
                if (!seen.Add(key)) continue;
                if (!entries.TryGetValue(key, out var entry))
                {
                    if (file is null) diagnostics.Add(Diagnostic.Error(DiagnosticIds.Bibliography, c.Span, $"citation '@{key}' but the front matter names no bibliography"));
                    else diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownCitationKey, c.Span, $"unknown citation key '{key}': {file} has no entry '{key}'{Nearest(key, entries.Keys)}"));
                    continue;
                }
                cited.Add(entry);
            }
        var references = style == CitationStyle.AuthorYear ? AuthorYear(cited) : cited.Select((e, i) => new Reference(i + 1, e.Key, e.Formatted(), e.Link) { Author = BibNames.AuthorLabel(e), Year = BibNames.Year(e) }).ToList();
        return new Bibliography(references) { Style = style, Declared = file is { Length: > 0 } };
    }

    private static string Nearest(string key, IEnumerable<string> keys) =>
        keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) is { } k ? $" (did you mean '{k}'?)" : "";

    private static CitationStyle StyleOf(Publication publication, DiagnosticBag diagnostics)
    {
        var value = publication.Metadata.Raw.GetValueOrDefault("citation-style")?.ToString()?.Trim().ToLowerInvariant();
        switch (value)
        {
            case null or "" or "numeric" or "ieee" or "vancouver": return CitationStyle.Numeric;
            case "author-year" or "author-date" or "authoryear" or "apa" or "chicago-author-date" or "harvard": return CitationStyle.AuthorYear;
            default:
                diagnostics.Add(Diagnostic.Warning(DiagnosticIds.UnknownCitationStyle,
                    Security.SourceLocator.Locate(publication.Pages[0].SourcePath, "citation-style", value),
                    $"citation style '{value}' is not one Bookish formats: use 'numeric' or 'author-year'; numeric is used"));
                return CitationStyle.Numeric;
        }
    }

    /// <summary>Author-year: sorted by author, year and title; two works of one author label in one year get 2020a, 2020b.</summary>
    private static List<Reference> AuthorYear(List<BibEntry> cited)
    {
        var sorted = cited.OrderBy(BibNames.AuthorLabel, StringComparer.CurrentCultureIgnoreCase).ThenBy(BibNames.Year, StringComparer.Ordinal)
            .ThenBy(e => e["title"] ?? "", StringComparer.CurrentCultureIgnoreCase).ToList();
        var years = sorted.Select(BibNames.Year).ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j < sorted.Count && BibNames.AuthorLabel(sorted[j]) == BibNames.AuthorLabel(sorted[i]) && BibNames.Year(sorted[j]) == BibNames.Year(sorted[i])) j++;
            if (j - i > 1) for (var k = i; k < j; k++) years[k] += (char)('a' + (k - i));
            i = j;
        }
        return sorted.Select((e, i) => new Reference(i + 1, e.Key, e.FormattedAuthorYear(years[i]), e.Link) { Author = BibNames.AuthorLabel(e), Year = years[i] }).ToList();
    }

    /// <summary>"[1, 3]": the text of a citation, identical in both outputs.</summary>
    public string Label(Citation c) => string.Concat(Pieces(c).Select(p => p.Text));
}
