using System.Text.RegularExpressions;

namespace Bookish.Checks.Parity;

/// <summary>
/// Figures and tables float in the PDF (LaTeX places them at the top of a page, or on the next one), so their words may
/// stand elsewhere relative to the paragraphs around them. Each numbered float is therefore found in the PDF by its
/// caption label ("Figure 3:"), its words are matched there (the run of PDF words around the label that matches the
/// float's HTML words, in order), and the float is compared as a unit with those words; the prose is compared without
/// any float. A float whose label the PDF lacks stays in the prose (and the float count check reports it).
/// </summary>
internal static partial class FloatUnits
{
    [GeneratedRegex(@"^(\d+(?:\.\d+)*[a-z]?):$")] private static partial Regex FloatNumber();

    /// <summary>A float's HTML tokens and the range of PDF words [PdfFrom, PdfTo] that print it.</summary>
    internal sealed record Placed(HtmlFloat Float, HashSet<int> Html, int PdfFrom, int PdfTo);

    public static List<Placed> Find(HtmlSide html, List<HtmlToken> tokens, List<PdfWord> words)
    {
        var placed = new List<Placed>();
        var usedLabels = new HashSet<int>();
        foreach (var f in html.Floats)
        {
            if (f.Number.Length == 0 || f.FirstUnit < 0) continue;
            var k = -1;
            for (var j = 0; j + 1 < words.Count; j++)
                if (!usedLabels.Contains(j) && words[j].Text == f.Kind && FloatNumber().Match(words[j + 1].Text) is { Success: true } m && m.Groups[1].Value == f.Number) { k = j; break; }
            if (k < 0) continue;
            usedLabels.Add(k);
            var mine = new List<int>();
            for (var i = 0; i < tokens.Count; i++)
                if (tokens[i].Unit >= f.FirstUnit && tokens[i].Unit < f.EndUnit && !tokens[i].IsMath) mine.Add(i);
            var keys = mine.Select(i => tokens[i].Key).Where(key => key.Length > 0).ToList();
            // The window the float can occupy around its label, as PDF words with text.
            var reach = keys.Count + 40;
            var window = Enumerable.Range(Math.Max(0, k - reach), Math.Min(words.Count, k + reach) - Math.Max(0, k - reach))
                .Where(j => words[j].Key.Length > 0).ToList();
            var matched = WordDiff.Match(keys, window.Select(j => words[j].Key).ToList()).Select(p => window[p.B]).Order().ToList();
            // The run of matches that holds the label: neighbouring matches at most a few words apart.
            int from = k, to = k + 1;
            var below = matched.Where(j => j < k).Reverse();
            foreach (var j in below) { if (Gap(words, j, from) > 6) break; from = j; }
            foreach (var j in matched.Where(j => j > k + 1)) { if (Gap(words, to, j) > 6) break; to = j; }
            // Words of the float next to the run that the alignment matched elsewhere (a word the prose repeats, such as
            // "kernel" in a plot's text) belong to it while the float still has them.
            var remaining = keys.GroupBy(key => key).ToDictionary(g => g.Key, g => g.Count());
            for (var j = from; j <= to; j++) if (remaining.TryGetValue(words[j].Key, out var n) && n > 0) remaining[words[j].Key] = n - 1;
            bool Take(int j)
            {
                if (words[j].Key.Length == 0 || !remaining.TryGetValue(words[j].Key, out var left) || left == 0) return false;
                remaining[words[j].Key] = left - 1;
                return true;
            }
            // A figure's picture comes before its caption, a table's cells after it: the run grows only that way, over
            // words without letters (a plot's tick labels, which the page leaves out), up to the last word of the float.
            if (f.Kind == "Figure")
                for (var j = from - 1; j >= 0; j--)
                {
                    if (!WordNormalizer.HasLetter(words[j].Key)) continue;
                    if (!Take(j)) break;
                    from = j;
                }
            else
                for (var j = to + 1; j < words.Count; j++)
                {
                    if (!WordNormalizer.HasLetter(words[j].Key)) continue;
                    if (!Take(j)) break;
                    to = j;
                }
            placed.Add(new Placed(f, mine.ToHashSet(), from, to));
        }
        return placed;
    }

    /// <summary>PDF words with letters strictly between two word indices (numbers such as tick labels do not count).</summary>
    private static int Gap(List<PdfWord> words, int a, int b)
    {
        var n = 0;
        for (var j = a + 1; j < b; j++) if (WordNormalizer.HasLetter(words[j].Key)) n++;
        return n;
    }
}
