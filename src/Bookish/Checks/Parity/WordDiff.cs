namespace Bookish.Checks.Parity;

/// <summary>
/// Longest common subsequence of two word lists, fast on long documents: common ends are stripped, words unique on
/// both sides anchor the match (patience diff), and only small regions between anchors are solved by dynamic
/// programming. Returns matched index pairs in increasing order.
/// </summary>
internal static class WordDiff
{
    private const long DynamicLimit = 4_000_000;

    public static List<(int A, int B)> Match(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var result = new List<(int, int)>();
        Region(a, b, 0, a.Count, 0, b.Count, result, 0);
        return result;
    }

    private static void Region(IReadOnlyList<string> a, IReadOnlyList<string> b, int a0, int a1, int b0, int b1, List<(int, int)> result, int depth)
    {
        while (a0 < a1 && b0 < b1 && a[a0] == b[b0]) result.Add((a0++, b0++));
        var tail = new List<(int, int)>();
        while (a1 > a0 && b1 > b0 && a[a1 - 1] == b[b1 - 1]) tail.Add((--a1, --b1));
        if (a0 < a1 && b0 < b1)
        {
            if ((long)(a1 - a0) * (b1 - b0) <= DynamicLimit || depth > 40) Dynamic(a, b, a0, a1, b0, b1, result);
            else
            {
                var anchors = Anchors(a, b, a0, a1, b0, b1);
                if (anchors.Count == 0) Dynamic(a, b, a0, a1, b0, b1, result, bounded: true);
                else
                {
                    int pa = a0, pb = b0;
                    foreach (var (i, j) in anchors)
                    {
                        Region(a, b, pa, i, pb, j, result, depth + 1);
                        result.Add((i, j));
                        pa = i + 1;
                        pb = j + 1;
                    }
                    Region(a, b, pa, a1, pb, b1, result, depth + 1);
                }
            }
        }
        tail.Reverse();
        result.AddRange(tail);
    }

    /// <summary>Words occurring once in each range, kept in an order increasing on both sides (longest increasing subsequence).</summary>
    private static List<(int, int)> Anchors(IReadOnlyList<string> a, IReadOnlyList<string> b, int a0, int a1, int b0, int b1)
    {
        var countA = new Dictionary<string, (int Count, int Index)>();
        for (var i = a0; i < a1; i++) countA[a[i]] = countA.TryGetValue(a[i], out var c) ? (c.Count + 1, c.Index) : (1, i);
        var countB = new Dictionary<string, (int Count, int Index)>();
        for (var j = b0; j < b1; j++) countB[b[j]] = countB.TryGetValue(b[j], out var c) ? (c.Count + 1, c.Index) : (1, j);
        var pairs = countA.Where(kv => kv.Value.Count == 1 && countB.TryGetValue(kv.Key, out var cb) && cb.Count == 1)
            .Select(kv => (A: kv.Value.Index, B: countB[kv.Key].Index)).OrderBy(p => p.A).ToList();
        // Patience sorting on B.
        var tails = new List<int>();
        var prev = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi) { var mid = (lo + hi) / 2; if (pairs[tails[mid]].B < pairs[k].B) lo = mid + 1; else hi = mid; }
            prev[k] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(k); else tails[lo] = k;
        }
        var chain = new List<(int, int)>();
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = prev[k]) chain.Add(pairs[k]);
        chain.Reverse();
        return chain;
    }

    private static void Dynamic(IReadOnlyList<string> a, IReadOnlyList<string> b, int a0, int a1, int b0, int b1, List<(int, int)> result, bool bounded = false)
    {
        int n = a1 - a0, m = b1 - b0;
        if (bounded && (long)n * m > DynamicLimit * 4) return; // Too different to align: everything differs.
        var table = new int[(n + 1) * (m + 1)];
        int W(int i, int j) => i * (m + 1) + j;
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                table[W(i, j)] = a[a0 + i] == b[b0 + j] ? table[W(i + 1, j + 1)] + 1 : Math.Max(table[W(i + 1, j)], table[W(i, j + 1)]);
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[a0 + x] == b[b0 + y]) { result.Add((a0 + x, b0 + y)); x++; y++; }
            else if (table[W(x + 1, y)] >= table[W(x, y + 1)]) x++;
            else y++;
        }
    }
}
