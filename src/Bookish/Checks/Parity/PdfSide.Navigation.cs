using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Bookish.Checks.Parity;

internal sealed partial class PdfSide
{
    /// <summary>Named destinations (the /Dests name tree, or the old /Dests dictionary) with their page and height.</summary>
    private void ReadDestinations(PdfDocument pdf)
    {
        var pageNumbers = new Dictionary<IndirectReference, int>();
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        if (Resolve(pdf, catalog.Data.GetValueOrDefault("Pages")) is DictionaryToken root) NumberPages(pdf, root, pageNumbers);
        void Add(string name, IToken? value)
        {
            var v = Resolve(pdf, value);
            if (v is DictionaryToken d) v = Resolve(pdf, d.Data.GetValueOrDefault("D"));
            if (v is not ArrayToken a || a.Data.Count < 2) return;
            var page = a.Data[0] is IndirectReferenceToken r && pageNumbers.TryGetValue(r.Data, out var n) ? n : a.Data[0] is NumericToken num ? num.Int + 1 : 0;
            var placed = Resolve(pdf, a.Data[1]) is NameToken { Data: "XYZ" or "FitH" or "FitBH" or "FitR" };
            var yIndex = Resolve(pdf, a.Data[1]) is NameToken { Data: "XYZ" } ? 3 : 2;
            var y = a.Data.Count > yIndex && Resolve(pdf, a.Data[yIndex]) is NumericToken top ? top.Double : 0;
            Destinations.Add(new PdfDestination(name, page, y, placed));
        }
        if (Resolve(pdf, catalog.Data.GetValueOrDefault("Names")) is DictionaryToken names && Resolve(pdf, names.Data.GetValueOrDefault("Dests")) is DictionaryToken tree)
            WalkNameTree(pdf, tree, Add, 0);
        if (Resolve(pdf, catalog.Data.GetValueOrDefault("Dests")) is DictionaryToken old)
            foreach (var (k, v) in old.Data) Add(k, v);
    }

    private static void NumberPages(PdfDocument pdf, DictionaryToken node, Dictionary<IndirectReference, int> numbers)
    {
        if (Resolve(pdf, node.Data.GetValueOrDefault("Kids")) is not ArrayToken kids) return;
        foreach (var kid in kids.Data)
        {
            if (kid is not IndirectReferenceToken r || Resolve(pdf, r) is not DictionaryToken d) continue;
            if (d.Data.GetValueOrDefault("Type") is NameToken { Data: "Pages" }) NumberPages(pdf, d, numbers);
            else numbers[r.Data] = numbers.Count + 1;
        }
    }

    private static void WalkNameTree(PdfDocument pdf, DictionaryToken node, Action<string, IToken?> add, int depth)
    {
        if (depth > 32) return;
        if (Resolve(pdf, node.Data.GetValueOrDefault("Names")) is ArrayToken pairs)
            for (var i = 0; i + 1 < pairs.Data.Count; i += 2)
                if (Resolve(pdf, pairs.Data[i]) is StringToken s) add(s.Data, pairs.Data[i + 1]);
                else if (Resolve(pdf, pairs.Data[i]) is HexToken h) add(h.Data, pairs.Data[i + 1]);
        if (Resolve(pdf, node.Data.GetValueOrDefault("Kids")) is ArrayToken kids)
            foreach (var kid in kids.Data)
                if (Resolve(pdf, kid) is DictionaryToken d) WalkNameTree(pdf, d, add, depth + 1);
    }

    private static IToken? Resolve(PdfDocument pdf, IToken? token)
    {
        for (var i = 0; i < 8 && token is IndirectReferenceToken r; i++) token = pdf.Structure.GetObject(r.Data).Data;
        return token;
    }

    /// <summary>The outline (hyperref bookmarks): level from 0, "2.1 Title" split into number and title.</summary>
    private void ReadBookmarks(PdfDocument pdf)
    {
        if (!pdf.TryGetBookmarks(out var bookmarks)) return;
        void Visit(BookmarkNode node, int shift)
        {
            var m = NumberedTitle().Match(node.Title.Trim());
            Headings.Add(m.Success
                ? new PdfHeading(node.Level - shift, m.Groups[1].Value, WordNormalizer.Clean(m.Groups[2].Value).Trim())
                : new PdfHeading(node.Level - shift, "", WordNormalizer.Clean(node.Title).Trim()));
            foreach (var c in node.Children) Visit(c, shift);
        }
        // A book's parts ("I Foundations", holding its chapters) have no heading in the pages: their chapters stand at the top.
        foreach (var root in bookmarks.Roots)
            if (PartTitle().IsMatch(root.Title.Trim()) && root.Children.Count > 0 && root.Children.All(c => NumberedTitle().IsMatch(c.Title.Trim())))
                foreach (var c in root.Children) Visit(c, 1);
            else Visit(root, 0);
    }

    [GeneratedRegex(@"^((?:\d+|[A-Z])(?:\.\d+)*)\s+(.*)$")] private static partial Regex NumberedTitle();
    [GeneratedRegex(@"^[IVXLC]+\s+\S")] private static partial Regex PartTitle();
}
