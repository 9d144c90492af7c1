using System.Collections.Immutable;

namespace Bookish.Citations;

/// <summary>One BibTeX entry: its type (article, book, …), key, and fields with braces and TeX accents resolved.</summary>
internal sealed record BibEntry(string Type, string Key, ImmutableDictionary<string, string> Fields)
{
    public string? this[string field] => Fields.GetValueOrDefault(field);

    /// <summary>"Authors. Title. Venue, Year." — the same text in the page's and the PDF's reference list.</summary>
    public string Formatted()
    {
        var parts = new List<string>();
        if (this["author"] is { } authors)
            parts.Add(string.Join(", ", authors.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Name)));
        if (this["title"] is { } title) parts.Add(title);
        var venue = this["journal"] ?? this["booktitle"] ?? this["publisher"] ?? this["howpublished"] ?? this["institution"];
        var tail = string.Join(", ", new[] { venue, this["year"] }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (tail.Length > 0) parts.Add(tail);
        return string.Join(". ", parts.Select(p => p.TrimEnd('.'))) + ".";
    }

    /// <summary>"Authors (Year). Title. Venue." for the author-year style, <paramref name="year"/> with its 2020a letter.</summary>
    public string FormattedAuthorYear(string year)
    {
        var parts = new List<string>();
        var who = this["author"] ?? this["editor"];
        var names = who is null ? "" : string.Join(", ", who.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Name));
        parts.Add((names.Length > 0 ? names + " " : "") + $"({year})");
        if (this["title"] is { } title) parts.Add(title);
        var venue = this["journal"] ?? this["booktitle"] ?? this["publisher"] ?? this["howpublished"] ?? this["institution"];
        if (!string.IsNullOrWhiteSpace(venue)) parts.Add(venue);
        return string.Join(". ", parts.Select(p => p.TrimEnd('.'))) + ".";
    }

    /// <summary>"Last, First" becomes "First Last".</summary>
    private static string Name(string name)
    {
        var comma = name.IndexOf(',');
        return comma < 0 ? name : $"{name[(comma + 1)..].Trim()} {name[..comma].Trim()}";
    }

    public string? Link => this["url"] ?? (this["doi"] is { } doi ? "https://doi.org/" + doi : null);
}
