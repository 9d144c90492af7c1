using System.Text.RegularExpressions;

namespace Bookish.Checks.Parity;

/// <summary>
/// Figures and tables float in the PDF (LaTeX places them at the top of a page, or on the next one), so their words may
/// stand elsewhere relative to the paragraphs around them. Each numbered float is therefore found in the PDF by its
/// caption label ("Figure 3:"), its words are claimed outwards from there (see <see cref="Claim"/>), and the float is
/// compared as a unit with those words; the prose is compared without any float. A float whose label the PDF lacks stays in the prose (and the float count check reports it).
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
            // The PDF prints a float's caption from its label on; a figure's picture stands before the caption, a table's
            // cells after it. Each side is claimed outwards from the label, word by word, only where a word is one the
            // float's HTML still has on that side: a prose paragraph that the float happens to sit next to (or between
            // parts of) is never swallowed, while a word the float prints differently, between words it shares, stays
            // inside and is reported as the float's difference.
            var caption = mine.Where(i => f.Kind != "Figure" || tokens[i].Unit == f.Unit).Select(i => tokens[i].Key).ToList();
            caption.Remove(words[k].Key);
            caption.Remove(words[k + 1].Key);
            var picture = mine.Where(i => f.Kind == "Figure" && tokens[i].Unit != f.Unit).Select(i => tokens[i].Key);
            var to = Claim(words, k + 1, +1, caption);
            var from = Claim(words, k, -1, picture);
            placed.Add(new Placed(f, mine.ToHashSet(), from, to));
        }
        return placed;
    }

    /// <summary>
    /// Walks from <paramref name="start"/> in direction <paramref name="step"/> over the PDF words and returns the index
    /// of the last word claimed: a word is claimed when its key is one of <paramref name="keys"/> not yet claimed;
    /// unclaimed words without letters (a plot's tick labels, which the page leaves out) and single letters (a rotated
    /// axis label, read letter by letter) do not count; the walk stops
    /// when all keys are claimed or after more than 6 unclaimed words with letters in a row.
    /// </summary>
    private static int Claim(List<PdfWord> words, int start, int step, IEnumerable<string> keys)
    {
        var remaining = keys.Where(key => key.Length > 0).GroupBy(key => key).ToDictionary(g => g.Key, g => g.Count());
        var left = remaining.Values.Sum();
        var last = start;
        var gap = 0;
        for (var j = start + step; j >= 0 && j < words.Count && left > 0; j += step)
        {
            if (remaining.TryGetValue(words[j].Key, out var n) && n > 0)
            {
                remaining[words[j].Key] = n - 1;
                left--;
                last = j;
                gap = 0;
            }
            // A single letter is no evidence of prose either: a rotated axis label is read letter by letter.
            else if (WordNormalizer.HasLetter(words[j].Key) && words[j].Key.Length > 1 && ++gap > 6) break;
        }
        return last;
    }
}
