using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Support;

internal static class PdfText
{
    /// <summary>All words of the PDF in reading order, joined by single spaces.</summary>
    public static string Words(string pdfPath)
    {
        using var pdf = PdfDocument.Open(pdfPath);
        return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    public static string Normalize(string s) => string.Join(" ", s.Replace("ﬁ", "fi").Replace("ﬂ", "fl").Replace("ﬀ", "ff").Replace("ﬃ", "ffi")
        .Split([' ', '\n', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));
}
