using System.Text.RegularExpressions;

namespace Bookish.Checks.Parity;

/// <summary>Headings (HTML headings vs PDF bookmarks), equations (ids as named destinations, numbers), figures and tables, links, notes.</summary>
internal static partial class StructureComparer
{
    public static IEnumerable<ParityDifference> Headings(HtmlSide html, PdfSide pdf)
    {
        var p = pdf.Headings;
        if (html.Headings.Count == 0 && p.Count == 0) yield break;
        if (p.Count == 0)
        {
            yield return new ParityDifference(ParityKind.Heading, $"the PDF has no outline (bookmarks) for the HTML's {html.Headings.Count} headings", ParityLocation.None, html.Headings.Count.ToString(), "0");
            yield break;
        }
        var hTop = html.Headings.Count == 0 ? 0 : html.Headings.Min(x => x.Level);
        var pTop = p.Min(x => x.Level);
        // Headings deeper than the outline goes (\paragraph has no bookmark) are compared as text only.
        var depth = p.Max(x => x.Level) - pTop;
        var h = html.Headings.Where(x => x.Level - hTop <= depth).ToList();
        string Key(string number, string text) => number + "|" + TextKey(text);
        var matches = WordDiff.Match(h.Select(x => Key(x.Number, x.Text)).ToList(), p.Select(x => Key(x.Number, x.Text)).ToList());
        var matchedH = matches.Select(m => m.A).ToHashSet();
        var matchedP = matches.Select(m => m.B).ToHashSet();
        foreach (var (a, b) in matches)
            if (h[a].Level - hTop != p[b].Level - pTop)
                yield return new ParityDifference(ParityKind.Heading, $"heading \"{Title(h[a].Number, h[a].Text)}\" is level {h[a].Level - hTop + 1} in the HTML but {p[b].Level - pTop + 1} in the PDF",
                    html.Units[h[a].Unit].Location, Title(h[a].Number, h[a].Text), Title(p[b].Number, p[b].Text));
        var extraP = Enumerable.Range(0, p.Count).Where(j => !matchedP.Contains(j)).ToList();
        for (var i = 0; i < h.Count; i++)
        {
            if (matchedH.Contains(i)) continue;
            var loc = html.Units[h[i].Unit].Location;
            var sameText = extraP.FirstOrDefault(j => TextKey(p[j].Text) == TextKey(h[i].Text), -1);
            var sameNumber = extraP.FirstOrDefault(j => p[j].Number == h[i].Number && h[i].Number.Length > 0, -1);
            if (sameText >= 0)
            {
                extraP.Remove(sameText);
                var pos = p.Take(sameText).Count();
                yield return new ParityDifference(ParityKind.Heading,
                    $"section \"{Title(h[i].Number, h[i].Text)}\" is heading {i + 1} in the HTML but heading {pos + 1} (\"{Title(p[sameText].Number, p[sameText].Text)}\") in the PDF: moved or renumbered",
                    loc, Title(h[i].Number, h[i].Text), Title(p[sameText].Number, p[sameText].Text));
            }
            else if (sameNumber >= 0)
            {
                extraP.Remove(sameNumber);
                yield return new ParityDifference(ParityKind.Heading, $"heading {h[i].Number} reads \"{h[i].Text}\" in the HTML but \"{p[sameNumber].Text}\" in the PDF",
                    loc, Title(h[i].Number, h[i].Text), Title(p[sameNumber].Number, p[sameNumber].Text));
            }
            else
                yield return new ParityDifference(ParityKind.Heading, $"heading \"{Title(h[i].Number, h[i].Text)}\" is missing from the PDF outline", loc, Title(h[i].Number, h[i].Text));
        }
        foreach (var j in extraP)
            yield return new ParityDifference(ParityKind.Heading, $"the PDF has heading \"{Title(p[j].Number, p[j].Text)}\" which the HTML lacks", ParityLocation.None, null, Title(p[j].Number, p[j].Text));
    }

    private static string Title(string number, string text) => number.Length > 0 ? number + " " + text : text;

    /// <summary>Heading text compared by its words; math (TeX in the HTML, its PDF-string fallback in bookmarks) by letters only.</summary>
    private static string TextKey(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(WordNormalizer.Key).Where(k => k.Length > 0 && k.All(char.IsLetterOrDigit)));
}
