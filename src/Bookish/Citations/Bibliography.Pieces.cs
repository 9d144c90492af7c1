using Bookish.Model;

namespace Bookish.Citations;

internal sealed partial record Bibliography
{
    /// <summary>
    /// A citation's printed text in pieces, the number or year linking to its reference, the same in both writers:
    /// numeric "[1, 2]", "[see 1, pp. 3–5]", narrative "Doe [1]"; author-year "(Doe 2020; Roe 2019)", "(see Doe 2020,
    /// p. 3)", "(2020)" for <c>[-@doe]</c>, narrative "Doe (2020)". A bare <c>@word</c> without a bibliography is text.
    /// </summary>
    public IReadOnlyList<CitePiece> Pieces(Citation c)
    {
        if (c.Bare && !Declared && Find(c.Keys[0]) is null) return [new CitePiece("@" + c.Keys[0])];
        var pieces = new List<CitePiece>();
        var numeric = Style == CitationStyle.Numeric;
        if (c.Narrative)
        {
            for (var i = 0; i < c.Items.Length; i++)
            {
                var item = c.Items[i];
                if (i > 0) pieces.Add(new CitePiece(i == c.Items.Length - 1 ? " and " : ", "));
                var r = Find(item.Key);
                var author = r is null ? "?" : r.Author;
                pieces.Add(new CitePiece(author + (numeric ? " [" : " (")));
                pieces.Add(new CitePiece(r is null ? "?" : numeric ? r.Number.ToString() : r.Year, r?.Id));
                pieces.Add(new CitePiece(Suffix(item) + (numeric ? "]" : ")")));
            }
            return Merge(pieces);
        }
        var loose = c.Items.Any(i => i.Prefix.Length > 0 || i.Suffix.Length > 0);
        pieces.Add(new CitePiece(numeric ? "[" : "("));
        for (var i = 0; i < c.Items.Length; i++)
        {
            var item = c.Items[i];
            if (i > 0) pieces.Add(new CitePiece(numeric && !loose ? ", " : "; "));
            if (item.Prefix.Length > 0) pieces.Add(new CitePiece(item.Prefix + " "));
            var r = Find(item.Key);
            var text = r is null ? "?" : numeric ? r.Number.ToString() : item.SuppressAuthor ? r.Year : $"{r.Author} {r.Year}";
            pieces.Add(new CitePiece(text, r?.Id));
            if (item.Suffix.Length > 0) pieces.Add(new CitePiece(Suffix(item)));
        }
        pieces.Add(new CitePiece(numeric ? "]" : ")"));
        return Merge(pieces);
    }

    private static string Suffix(CitationItem item) => item.Suffix.Length == 0 ? "" : ", " + BibNames.Locator(item.Suffix);

    private static List<CitePiece> Merge(List<CitePiece> pieces)
    {
        var merged = new List<CitePiece>();
        foreach (var p in pieces.Where(p => p.Text.Length > 0))
            if (merged.Count > 0 && merged[^1].RefId is null && p.RefId is null) merged[^1] = new CitePiece(merged[^1].Text + p.Text);
            else merged.Add(p);
        return merged;
    }
}
