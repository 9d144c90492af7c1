using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Bookish.Equations;

/// <summary>
/// The pdfTeX counterpart of <see cref="Dvi.DviCounts"/>: Bookish's batch sets <c>\pdfpageattr</c> (a primitive a
/// fragment cannot reach: the lockdown replaces its public names) to <c>/BookishPage [c0 c1]</c> from <c>\count0</c> and
/// <c>\count1</c> whenever either changes, so every page pdfTeX writes carries in its own page dictionary the pair the
/// DVI engines record on theirs: <c>(i, i)</c> on Bookish's page of fragment i, <c>(-1, i)</c> on any page shipped while
/// fragment i ran. Read back from the PDF file (PdfPig), whatever the log says.
/// </summary>
internal static class PdfCounts
{
    /// <summary>The page dictionary key Bookish writes.</summary>
    internal const string Key = "BookishPage";

    /// <summary>The pages' pairs in order (a page without a readable pair is nobody's: (-1, -1)); null when the file cannot be read.</summary>
    public static List<(int C0, int C1)>? Read(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var pages = new List<(int, int)>(document.NumberOfPages);
            for (var n = 1; n <= document.NumberOfPages; n++)
            {
                var dictionary = document.GetPage(n).Dictionary;
                if (dictionary.TryGet(NameToken.Create(Key), out var token) && token is ArrayToken { Length: 2 } array
                    && array[0] is NumericToken c0 && array[1] is NumericToken c1 && c0.HasDecimalPlaces is false && c1.HasDecimalPlaces is false)
                    pages.Add((c0.Int, c1.Int));
                else pages.Add((-1, -1));
            }
            return pages;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // PdfPig throws its own exception types for damaged files: an unreadable PDF gives no counts (the run is then checked as a whole).
            return null;
        }
    }

    /// <summary>
    /// The TeX that sets the attribute from the counts, global, through the primitive saved under the run's token
    /// (see <see cref="Toolchain.TexLockdown"/>): called by Bookish after each change of <c>\count0</c> or <c>\count1</c>.
    /// </summary>
    internal static string Mark(string token) =>
        $"\\edef\\bk@attr{{/{Key} [\\the\\count0 \\space\\the\\count1]}}\\global\\csname bk{token}@pdfpageattr\\endcsname\\expandafter{{\\bk@attr}}";
}
