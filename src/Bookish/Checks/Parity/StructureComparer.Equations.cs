using System.Text.RegularExpressions;

namespace Bookish.Checks.Parity;

internal static partial class StructureComparer
{
    public static IEnumerable<ParityDifference> Equations(HtmlSide html, PdfSide pdf, ProseComparer body)
    {
        var matchedPdfWords = body.MatchedPdf;
        var eqs = html.Math.Where(m => m.Display && !m.InNote).ToList();
        var prefixes = eqs.Select(m => IdPrefix().Match(m.Id)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();
        // A labelled equation is known by its label (eq:softmax): destinations with the label prefix the page's equations use are equations too.
        var labelPrefixes = eqs.Select(m => m.Id.IndexOf(':')).Zip(eqs, (i, m) => i > 0 ? m.Id[..(i + 1)] : "").Where(p => p.Length > 0).Distinct().ToList();
        bool Candidate(string name) => eqs.Any(e => e.Id == name) || prefixes.Any(pre => name.StartsWith(pre, StringComparison.Ordinal) && name.Length > pre.Length && name[pre.Length..].All(c => char.IsDigit(c) || c == '-'))
            || labelPrefixes.Any(pre => name.StartsWith(pre, StringComparison.Ordinal) && name.Length > pre.Length);
        var dests = pdf.Destinations.Where(d => d.Placed && Candidate(d.Name)).OrderBy(d => d.Page).ThenByDescending(d => d.Y).ToList();
        var withId = eqs.Where(e => e.Id.Length > 0).ToList();
        var matches = WordDiff.Match(withId.Select(e => e.Id).ToList(), dests.Select(d => d.Name).ToList());
        var matchedH = matches.Select(m => m.A).ToHashSet();
        var matchedP = matches.Select(m => m.B).ToHashSet();
        var pdfNames = dests.Select(d => d.Name).ToHashSet();
        for (var i = 0; i < withId.Count; i++)
        {
            if (matchedH.Contains(i)) continue;
            var e = withId[i];
            var label = Label(e);
            yield return pdfNames.Contains(e.Id)
                ? new ParityDifference(ParityKind.Equation, $"equation {label} is out of order in the PDF", html.Units[e.Unit].Location, e.Id, e.Id, Short(e.Tex))
                : new ParityDifference(ParityKind.Equation, $"equation {label} is missing from the PDF (no destination '{e.Id}')", html.Units[e.Unit].Location, e.Id, null, Short(e.Tex));
        }
        var htmlIds = withId.Select(e => e.Id).ToHashSet();
        foreach (var j in Enumerable.Range(0, dests.Count).Where(j => !matchedP.Contains(j) && !htmlIds.Contains(dests[j].Name)))
            yield return new ParityDifference(ParityKind.Equation, $"the PDF has equation '{dests[j].Name}' (page {dests[j].Page}) which the HTML lacks", ParityLocation.None, null, dests[j].Name);

        // Numbers: each "(n)" the prose left unmatched belongs to the equation destination just above it.
        var numbers = new Dictionary<string, List<(string Text, bool Tagged)>>();
        for (var k = 0; k < pdf.Body.Count; k++)
        {
            var w = pdf.Body[k];
            if (matchedPdfWords.Contains(k)) continue;
            string text;
            var tagged = false;
            // A "(1)" inside a formula (an array's entry, a superscript) is not its number: numbers stand at the right margin.
            if (WordNormalizer.IsEquationNumber(w.Text) && pdf.AtRightMargin(k)) text = w.Text[1..^1];
            else if (TaggedNumber(pdf, k, matchedPdfWords) is { } tag) { text = tag.Text; tagged = true; }
            else continue;
            var owner = dests.LastOrDefault(d => d.Page < w.Page || (d.Page == w.Page && d.Y >= w.Y));
            if (owner is null) continue;
            (numbers.TryGetValue(owner.Name, out var list) ? list : numbers[owner.Name] = []).Add((text, tagged));
        }
        foreach (var e in withId.Where(e => pdfNames.Contains(e.Id)))
        {
            // "(wi)" at the end of a matrix's row is not a number: tagged forms count only for an equation the page tags.
            var tags = e.Numbers.Any(n => !WordNormalizer.IsEquationNumber($"({n})"));
            var got = (numbers.GetValueOrDefault(e.Id) ?? []).Where(n => tags || !n.Tagged).Select(n => n.Text).ToList();
            if (!got.Select(TagKey).SequenceEqual(e.Numbers.Select(TagKey)))
                yield return new ParityDifference(ParityKind.Equation,
                    $"equation {e.Id} is numbered {Numbers(e.Numbers)} in the HTML but {Numbers(got)} in the PDF", html.Units[e.Unit].Location, Numbers(e.Numbers), Numbers(got), Short(e.Tex));
        }
    }

    private static int PrevWord(HtmlSide html, int t)
    {
        for (var k = t - 1; k >= 0; k--) if (!html.Body[k].IsMath) return k;
        return Math.Max(0, t - 1);
    }

    private static string Label(HtmlMath e) => e.Numbers.Length > 0 ? $"{Numbers(e.Numbers)} ({e.Id})" : $"'{e.Id}'";
    private static string Numbers(IEnumerable<string> n) => n.Any() ? string.Join(", ", n.Select(x => $"({x})")) : "unnumbered";
    private static string Short(string tex) { tex = Regex.Replace(tex, @"\s+", " ").Trim(); return tex.Length <= 80 ? tex : tex[..77] + "…"; }

    [GeneratedRegex(@"^(.*?-)\d+$")] private static partial Regex IdPrefix();

    /// <summary>
    /// A number set by <c>\tag{$\star$}</c>, <c>\tag{A$'$}</c> or <c>\tag*{…}</c>: words from one starting with "(" to the
    /// one at the right margin ending with ")" on the same line (at most 4, no prose word among them) with the math glyphs
    /// between them, read as one.
    /// </summary>
    private static (string Text, int Last)? TaggedNumber(PdfSide pdf, int k, HashSet<int> matched)
    {
        var first = pdf.Body[k];
        if (!first.Text.StartsWith('(') || first.Text.Length > 24) return null;
        var sb = new System.Text.StringBuilder();
        for (var j = k; j < pdf.Body.Count && j < k + 4; j++)
        {
            var w = pdf.Body[j];
            if (j > k && (w.NewLine || w.Page != first.Page || matched.Contains(j) || w.Text.StartsWith('('))) return null;
            // Math glyphs (⋆, ′) end a word and ride on the next one.
            if (j > k) sb.Append(w.MathBefore);
            sb.Append(w.Text);
            if (w.Text.EndsWith(')') && pdf.AtRightMargin(j))
            {
                var text = sb.ToString();
                return text.Length >= 3 ? (text[1..^1], j) : null;
            }
        }
        return null;
    }

    /// <summary>An equation number as compared: compatibility form (𝐱₁ reads x1), no spaces, no outer parentheses (a <c>\tag*</c> prints its own).</summary>
    private static string TagKey(string number)
    {
        var s = new string(WordNormalizer.Clean(number).Where(c => !char.IsWhiteSpace(c)).ToArray());
        while (s.Length >= 2 && s[0] == '(' && s[^1] == ')') s = s[1..^1];
        return s;
    }

    /// <summary>
    /// Each equation's destination must lie between the PDF words aligned with the HTML words just before and just
    /// after the equation: an equation carried off to another place keeps its order among equations but not this.
    /// </summary>
    public static IEnumerable<ParityDifference> EquationPlaces(HtmlSide html, PdfSide pdf, ProseComparer body)
    {
        const int Reach = 40;
        var dests = pdf.Destinations.Where(d => d.Placed).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First());
        for (var t = 0; t < html.Body.Count; t++)
        {
            if (!html.Body[t].IsMath) continue;
            var e = html.Math[html.Body[t].Math];
            if (!e.Display || e.Id.Length == 0 || !dests.TryGetValue(e.Id, out var dest)) continue;
            int? before = null, after = null;
            for (var k = t - 1; k >= Math.Max(0, t - Reach) && before is null; k--) if (body.PdfOfHtml.TryGetValue(k, out var j)) before = j;
            for (var k = t + 1; k < Math.Min(html.Body.Count, t + Reach) && after is null; k++) if (body.PdfOfHtml.TryGetValue(k, out var j)) after = j;
            var tolerance = 2.5 * pdf.BodySize;
            var afterPrev = before is not { } b || dest.Page > pdf.Body[b].Page || (dest.Page == pdf.Body[b].Page && dest.Y <= pdf.Body[b].Y + tolerance);
            var beforeNext = after is not { } a || dest.Page < pdf.Body[a].Page || (dest.Page == pdf.Body[a].Page && dest.Y > pdf.Body[a].Y);
            if (afterPrev && beforeNext) continue;
            // Say where the equation is in the PDF and where the HTML's order would put it, each once.
            var prevInPdf = pdf.Body.LastOrDefault(w => w.Page < dest.Page || (w.Page == dest.Page && w.Y > dest.Y));
            var pdfSide = prevInPdf is null ? $"PDF page {dest.Page}" : $"PDF page {dest.Page}, after \"{prevInPdf.Text}\" (line {prevInPdf.Line})";
            var htmlSide = before is { } bb ? $"after \"{html.Body[PrevWord(html, t)].Text}\" ({PdfSide.Place(pdf.Body[bb])})" : $"before \"{pdf.Body[after!.Value].Text}\" ({PdfSide.Place(pdf.Body[after.Value])})";
            yield return new ParityDifference(ParityKind.Equation,
                $"equation {Label(e)} is out of place in the PDF: it is on {pdfSide}; the HTML puts it {htmlSide}", html.Units[e.Unit].Location, e.Id, $"page {dest.Page}", Short(e.Tex));
        }
    }
}
