using AngleSharp.Dom;

namespace Bookish.Html;

/// <summary>A link to the document's PDF shown in the page footer; <paramref name="Stale"/>: typeset from an older source.</summary>
internal sealed record PdfLink(string Href, DateTime WrittenUtc, bool Stale);

internal sealed partial class HtmlWriter
{
    /// <summary>
    /// <c>build --no-pdf</c> keeps the PDF of an earlier build; when a source is newer than it, the footer links it
    /// and says it is stale, so nobody takes it for the current text.
    /// </summary>
    private void WritePdfLink(IElement footer)
    {
        if (_context.PdfLink is not { } pdf) return;
        var p = El("p", pdf.Stale ? "pdf-link pdf-stale" : "pdf-link");
        var a = El("a", null, "PDF");
        a.SetAttribute("href", pdf.Href);
        p.AppendChild(a);
        if (pdf.Stale)
        {
            var mark = El("strong", "stale", "stale");
            p.AppendChild(_html.CreateTextNode(" ("));
            p.AppendChild(mark);
            p.AppendChild(_html.CreateTextNode($": typeset {pdf.WrittenUtc:yyyy-MM-dd HH:mm} UTC from an older version of the source; this page is newer)"));
        }
        footer.AppendChild(p);
    }
}
