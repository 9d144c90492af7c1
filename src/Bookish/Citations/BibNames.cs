using System.Text.RegularExpressions;

namespace Bookish.Citations;

/// <summary>Author labels and years for author-year citations: "Doe", "Doe and Roe", "Doe et al."; "2020" or "n.d.".</summary>
internal static partial class BibNames
{
    public static string AuthorLabel(BibEntry entry)
    {
        var names = (entry["author"] ?? entry["editor"] ?? "")
            .Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Family).ToList();
        return names.Count switch
        {
            0 => entry["title"] is { Length: > 0 } t ? t : entry.Key,
            1 => names[0],
            2 => $"{names[0]} and {names[1]}",
            _ => names[0] + " et al.",
        };
    }

    /// <summary>"Doe, Jane" and "Jane Doe" are both "Doe".</summary>
    public static string Family(string name)
    {
        var comma = name.IndexOf(',');
        if (comma >= 0) return name[..comma].Trim();
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? name : parts[^1];
    }

    public static string Year(BibEntry entry) =>
        entry["year"] is { Length: > 0 } y ? y : entry["date"] is { Length: >= 4 } d ? d[..4] : "n.d.";

    [GeneratedRegex(@"(?<=\d)\s*-{1,2}\s*(?=\d)")] private static partial Regex Range();

    /// <summary>A locator as a reference manager prints it: "pp. 3-5" becomes "pp. 3–5".</summary>
    public static string Locator(string suffix) => Range().Replace(suffix, "\u2013");
}
