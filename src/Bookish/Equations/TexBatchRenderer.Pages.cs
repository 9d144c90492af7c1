namespace Bookish.Equations;

/// <summary>
/// Which page is which fragment's, from what TeX recorded on each page (DVI engines): Bookish ships fragment i's page
/// with <c>\count0 = \count1 = i</c> and sets <c>\count0</c> to -1 right after, and <c>\count1</c> to the fragment's index
/// before its text runs. A fragment must have exactly one such page; a page shipped any other way (an output routine,
/// a shipout hook, a stolen primitive) does not carry that pair and is charged to the fragment that was running
/// (<c>\count1</c>). Every fragment with no page, several, or a stray one is an error of its own; the others keep theirs.
/// </summary>
internal sealed partial class TexBatchRenderer
{
    /// <summary>
    /// For each fragment its page (index in the file) or null, and the fragments at fault with why (the caller counts a
    /// missing page only against a fragment TeX finished: after an early stop the rest is run again instead).
    /// </summary>
    internal static (int?[] PageOf, Dictionary<int, string> Problems) AssignPages(IReadOnlyList<(int C0, int C1)> pages, int count)
    {
        var own = new List<int>[count];
        for (var i = 0; i < count; i++) own[i] = [];
        var problems = new Dictionary<int, string>();
        var lastReal = -1;
        for (var k = 0; k < pages.Count; k++)
        {
            var (c0, c1) = pages[k];
            if (c0 == c1 && c0 >= 0 && c0 < count && c0 > lastReal)
            {
                own[c0].Add(k);
                lastReal = c0;
                continue;
            }
            if (c0 == c1 && c0 >= 0 && c0 < count) own[c0].Add(k);
            // Shipped outside every fragment's time (c1 = -1: Bookish's own end) it is nobody's, and no picture is taken from it.
            if (c1 < 0 || c1 >= count) continue;
            problems.TryAdd(c1, "the equation shipped a page of its own (\\shipout, output routines and shipout hooks are not allowed; each equation is one picture)");
        }
        var pageOf = new int?[count];
        for (var i = 0; i < count; i++)
        {
            if (own[i].Count == 1 && !problems.ContainsKey(i)) pageOf[i] = own[i][0];
            else if (own[i].Count > 1) problems.TryAdd(i, $"the equation made {own[i].Count} pages instead of one (\\shipout and extra pages are not allowed)");
            else if (own[i].Count == 0) problems.TryAdd(i, "TeX made no page for the equation");
        }
        return (pageOf, problems);
    }
}
