using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
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
    /// <remarks>
    /// The page tree is walked from the catalog and only the page dictionaries are read: PdfPig's <c>GetPage</c> would
    /// parse every content stream too (seconds for a batch of a few hundred pages on a loaded machine).
    /// </remarks>
    public static List<(int C0, int C1)>? Read(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var structure = document.Structure;
            IToken? Resolve(IToken? token) => token is IndirectReferenceToken r ? structure.GetObject(r.Data)?.Data : token;
            var pages = new List<(int, int)>();
            var seen = new HashSet<IndirectReference>();
            var pending = new Stack<IToken>();
            if (!structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out var rootNode)) return null;
            pending.Push(rootNode);
            while (pending.Count > 0)
            {
                var token = pending.Pop();
                if (token is IndirectReferenceToken reference && !seen.Add(reference.Data)) return null;
                if (Resolve(token) is not DictionaryToken node) return null;
                if (node.TryGet(NameToken.Kids, out var kidsToken) && Resolve(kidsToken) is ArrayToken kids)
                {
                    // Depth first, in order: push the kids last to first.
                    for (var k = kids.Length - 1; k >= 0; k--) pending.Push(kids[k]);
                    continue;
                }
                pages.Add(node.TryGet(NameToken.Create(Key), out var value) && Resolve(value) is ArrayToken { Length: 2 } pair
                    && pair[0] is NumericToken c0 && pair[1] is NumericToken c1 && !c0.HasDecimalPlaces && !c1.HasDecimalPlaces
                    ? (c0.Int, c1.Int) : (-1, -1));
                if (pages.Count > 1_000_000) return null;
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
