using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Books;

/// <summary>One file listed in a book's <c>chapters:</c> (or <c>appendices:</c>), with the part it is grouped under.</summary>
internal sealed record OutlineEntry(string File, string? Part, bool Appendix);

/// <summary>
/// A book's outline as its front matter gives it, in Quarto's shape:
/// <code>
/// chapters:
///   - intro.md
///   - part: Foundations
///     chapters: [limits.md, derivatives.md]
/// appendices: [tables.md]
/// </code>
/// Plain names are chapters outside any part; <c>appendices:</c> (or a <c>{appendix: file}</c> item) are numbered A, B.
/// </summary>
internal static class BookOutline
{
    public static IReadOnlyList<OutlineEntry> Read(Metadata metadata)
    {
        var entries = new List<OutlineEntry>();
        Walk(metadata.Raw.GetValueOrDefault("chapters"), null, false, entries);
        Walk(metadata.Raw.GetValueOrDefault("appendices"), null, true, entries);
        return entries;
    }

    private static void Walk(object? value, string? part, bool appendix, List<OutlineEntry> entries)
    {
        switch (value)
        {
            case null: return;
            case List<object?> list:
                foreach (var item in list) Walk(item, part, appendix, entries);
                return;
            case Dictionary<object, object?> map:
            {
                string? Get(string key) => map.TryGetValue(key, out var v) && v is not (null or List<object?> or Dictionary<object, object?>) ? v.ToString() : null;
                if (map.TryGetValue("appendices", out var apps)) Walk(apps, null, true, entries);
                if (map.TryGetValue("appendix", out var app)) Walk(app, null, true, entries);
                var name = Get("part") ?? part;
                if (map.TryGetValue("chapters", out var inner)) Walk(inner, name, appendix, entries);
                else if ((Get("file") ?? Get("href")) is { } file) entries.Add(new OutlineEntry(file, part, appendix));
                return;
            }
            default:
                if (value.ToString() is { Length: > 0 } f) entries.Add(new OutlineEntry(f, part, appendix));
                return;
        }
    }

    /// <summary>
    /// Numbers a book's chapters (1, 2, … and A, B, … for appendices) and marks where parts and the appendices open.
    /// An article is returned unchanged.
    /// </summary>
    /// <remarks>A page's <see cref="Document.Chapter"/> as read (appendix, part) is the input; its number is given here.</remarks>
    public static Publication Number(Publication publication)
    {
        if (!publication.IsBook) return publication;
        var pages = ImmutableArray.CreateBuilder<Document>();
        int chapters = 0, appendices = 0, parts = 0;
        string? lastPart = null;
        var appendixOpened = false;
        foreach (var page in publication.Pages)
        {
            if (page.PageName == "index") { pages.Add(page); continue; }
            var appendix = page.Chapter?.Appendix ?? false;
            var number = appendix ? Letters(++appendices) : (++chapters).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var part = appendix ? null : page.Chapter?.Part;
            var opensPart = part is not null && part != lastPart;
            if (opensPart) parts++;
            var info = new ChapterInfo(number, appendix, part)
            {
                OpensPart = opensPart,
                PartNumber = part is null ? "" : Roman(parts),
                OpensAppendices = appendix && !appendixOpened,
            };
            if (!appendix) lastPart = part;
            appendixOpened |= appendix;
            pages.Add(page with { Chapter = info });
        }
        return publication with { Pages = pages.ToImmutable() };
    }

    /// <summary>I, II, III, IV: part numbers as LaTeX's <c>\Roman</c> gives them.</summary>
    public static string Roman(int n)
    {
        var s = new System.Text.StringBuilder();
        foreach (var (value, letters) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            while (n >= value) { s.Append(letters); n -= value; }
        return s.ToString();
    }

    /// <summary>A, B, …, Z, AA, AB: appendix numbers as LaTeX's <c>\Alph</c> would give them (past Z, as spreadsheets do).</summary>
    public static string Letters(int n)
    {
        var s = "";
        while (n > 0) { n--; s = (char)('A' + n % 26) + s; n /= 26; }
        return s;
    }
}
