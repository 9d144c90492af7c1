namespace Bookish.Equations.Dvi;

/// <summary>
/// The <c>\count0</c> and <c>\count1</c> TeX recorded on each page of a DVI file, in page order, read from the file's own
/// page chain (the postamble points at the last <c>bop</c>, each <c>bop</c> at the one before): what TeX wrote when it
/// shipped each page, whatever the log says.
/// </summary>
internal static class DviCounts
{
    /// <summary>The pages' (<c>\count0</c>, <c>\count1</c>) in order; null when the file has no readable postamble.</summary>
    public static List<(int C0, int C1)>? Read(byte[] dvi)
    {
        var end = dvi.Length - 1;
        while (end >= 0 && dvi[end] == 223) end--;
        // post_post q[4] i[1]: the id byte, then the pointer to the postamble before it.
        if (end < 5 || dvi.Length - 1 - end < 4 || dvi[end - 5] != 249) return null;
        var post = S4(dvi, end - 4);
        if (post < 0 || post + 5 > dvi.Length || dvi[post] != 248) return null;
        var pages = new List<(int, int)>();
        var bop = S4(dvi, post + 1);
        var seen = new HashSet<int>();
        while (bop >= 0)
        {
            if (bop + 45 > dvi.Length || dvi[bop] != 139 || !seen.Add(bop)) return null;
            pages.Add((S4(dvi, bop + 1), S4(dvi, bop + 5)));
            bop = S4(dvi, bop + 41);
        }
        pages.Reverse();
        return pages;
    }

    private static int S4(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
