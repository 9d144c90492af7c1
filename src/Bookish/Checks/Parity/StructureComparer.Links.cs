using System.Text.RegularExpressions;

namespace Bookish.Checks.Parity;

internal static partial class StructureComparer
{
    public static IEnumerable<ParityDifference> Links(HtmlSide html, PdfSide pdf)
    {
        var h = new List<HtmlLink>();
        foreach (var l in html.Links) if (h.Count == 0 || UrlKey(h[^1].Url) != UrlKey(l.Url)) h.Add(l);
        var p = new List<string>();
        foreach (var (uri, _) in pdf.Links) if (p.Count == 0 || p[^1] != UrlKey(uri)) p.Add(UrlKey(uri));
        var matches = WordDiff.Match(h.Select(l => UrlKey(l.Url)).ToList(), p);
        var mh = matches.Select(m => m.A).ToHashSet();
        var mp = matches.Select(m => m.B).ToHashSet();
        var extra = Enumerable.Range(0, p.Count).Where(j => !mp.Contains(j)).ToList();
        for (var i = 0; i < h.Count; i++)
        {
            if (mh.Contains(i)) continue;
            // The PDF link in the same place of the sequence, if any, is the one that changed.
            var prevMatch = matches.Where(m => m.A < i).Select(m => m.B).DefaultIfEmpty(-1).Max();
            var instead = extra.FirstOrDefault(j => j > prevMatch, -1);
            if (instead >= 0) extra.Remove(instead);
            yield return new ParityDifference(ParityKind.Link,
                instead >= 0 ? $"a link goes to {h[i].Url} in the HTML but to {p[instead]} in the PDF" : $"the link to {h[i].Url} is missing from the PDF",
                Loc(html, h[i].Unit), h[i].Url, instead >= 0 ? p[instead] : null);
        }
        foreach (var j in extra)
            yield return new ParityDifference(ParityKind.Link, $"the PDF links to {p[j]} which the HTML does not", ParityLocation.None, null, p[j]);
    }

    private static string UrlKey(string url)
    {
        url = url.Trim();
        try { url = Uri.UnescapeDataString(url); } catch (UriFormatException) { }
        return url;
    }
}
