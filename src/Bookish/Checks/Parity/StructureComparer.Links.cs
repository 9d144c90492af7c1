namespace Bookish.Checks.Parity;

internal static partial class StructureComparer
{
    /// <summary>
    /// External link targets compared as sets (a PDF prints footnote links at the page foot and may split one link in
    /// two annotations across lines, so order and count are not meaningful). A target only one side has is paired, in
    /// document order, with a target only the other side has: a changed link.
    /// </summary>
    public static IEnumerable<ParityDifference> Links(HtmlSide html, PdfSide pdf)
    {
        var pdfSet = pdf.Links.Select(l => UrlKey(l.Uri)).ToHashSet(StringComparer.Ordinal);
        var htmlSet = html.Links.Select(l => UrlKey(l.Url)).ToHashSet(StringComparer.Ordinal);
        var onlyHtml = html.Links.Where(l => !pdfSet.Contains(UrlKey(l.Url))).DistinctBy(l => UrlKey(l.Url)).ToList();
        var onlyPdf = pdf.Links.Select(l => UrlKey(l.Uri)).Where(u => !htmlSet.Contains(u)).Distinct().ToList();
        for (var i = 0; i < onlyHtml.Count; i++)
        {
            var instead = i < onlyPdf.Count ? onlyPdf[i] : null;
            yield return new ParityDifference(ParityKind.Link,
                instead is not null ? $"a link goes to {onlyHtml[i].Url} in the HTML but to {instead} in the PDF" : $"the link to {onlyHtml[i].Url} is missing from the PDF",
                Loc(html, onlyHtml[i].Unit), onlyHtml[i].Url, instead);
        }
        foreach (var extra in onlyPdf.Skip(onlyHtml.Count))
            yield return new ParityDifference(ParityKind.Link, $"the PDF links to {extra} which the HTML does not", ParityLocation.None, null, extra);
    }

    private static string UrlKey(string url)
    {
        url = url.Trim();
        try { url = Uri.UnescapeDataString(url); } catch (UriFormatException) { }
        return url;
    }
}
