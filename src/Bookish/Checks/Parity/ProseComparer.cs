namespace Bookish.Checks.Parity;

/// <summary>
/// Aligns the HTML words with the PDF words and turns each gap of the alignment into located differences. PDF words
/// in a gap are forgiven when they are math the HTML holds as a placeholder nearby (numbers, operators, single
/// letters, words of the TeX such as \max or \text{and}), or carry no letter at all (list labels, note marks).
/// </summary>
internal sealed class ProseComparer(HtmlSide html, List<HtmlToken> htmlTokens, List<PdfWord> pdfWords, string streamName)
{
    /// <summary>Which HTML tokens and PDF words this comparison covers (all by default): floats are compared apart, as units.</summary>
    public Func<int, bool> HtmlIn { get; init; } = _ => true;
    public Func<int, bool> PdfIn { get; init; } = _ => true;

    private const int MathWindow = 4;
    public HashSet<int> MatchedPdf { get; } = [];
    /// <summary>The PDF word each aligned HTML token (by index) was matched with.</summary>
    public Dictionary<int, int> PdfOfHtml { get; } = [];
    private HashSet<int> _missing = [];
    private readonly HashSet<int> _reported = [];

    private sealed record Hunk(List<int> Deleted, List<int> Inserted, int Before, int After)
    {
        public bool Moved { get; set; }
    }

    public List<ParityDifference> Compare()
    {
        var words = new List<int>();
        for (var i = 0; i < htmlTokens.Count; i++) if (!htmlTokens[i].IsMath && HtmlIn(i)) words.Add(i);
        var pdf = Enumerable.Range(0, pdfWords.Count).Where(j => pdfWords[j].Key.Length > 0 && PdfIn(j)).ToList();
        var matches = WordDiff.Match(words.Select(i => htmlTokens[i].Key).ToList(), pdf.Select(j => pdfWords[j].Key).ToList());
        var hunks = new List<Hunk>();
        int prevH = -1, prevP = -1;
        foreach (var (a, b) in matches.Append((words.Count, pdf.Count)))
        {
            var hTo = a < words.Count ? words[a] : htmlTokens.Count;
            var pTo = b < pdf.Count ? pdf[b] : pdfWords.Count;
            var hFrom = prevH < 0 ? 0 : words[prevH] + 1;
            var pFrom = prevP < 0 ? 0 : pdf[prevP] + 1;
            var hunk = Gap(hFrom, hTo, pFrom, pTo);
            if (hunk is not null) hunks.Add(hunk);
            if (b < pdf.Count)
            {
                MatchedPdf.Add(pdf[b]);
                PdfOfHtml[words[a]] = pdf[b];
            }
            prevH = a;
            prevP = b;
        }
        FindMoves(hunks);
        // A unit none of whose lettered words reached the other side is missing as a whole, however the gaps fell.
        var deletedWords = hunks.Where(h => !h.Moved).SelectMany(h => h.Deleted).ToHashSet();
        _missing = htmlTokens.Select((t, i) => (t, i)).Where(x => !x.t.IsMath && HtmlIn(x.i)).GroupBy(x => x.t.Unit)
            .Where(g => g.Any(x => WordNormalizer.HasLetter(x.t.Key)) && g.All(x => deletedWords.Contains(x.i) || !WordNormalizer.HasLetter(x.t.Key)))
            .Select(g => g.Key).ToHashSet();
        return hunks.SelectMany(Describe).ToList();
    }

    private Hunk? Gap(int hFrom, int hTo, int pFrom, int pTo)
    {
        var deleted = Enumerable.Range(hFrom, hTo - hFrom).Where(i => !htmlTokens[i].IsMath && HtmlIn(i)).ToList();
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        var anyMath = false;
        for (var i = Math.Max(0, hFrom - MathWindow); i < Math.Min(htmlTokens.Count, hTo + MathWindow); i++)
        {
            if (!htmlTokens[i].IsMath) continue;
            anyMath = true;
            foreach (var w in WordNormalizer.TexWords(html.Math[htmlTokens[i].Math].Tex)) allowed.Add(w);
        }
        var candidates = Enumerable.Range(pFrom, pTo - pFrom).Where(j => pdfWords[j].Key.Length > 0 && PdfIn(j)).ToList();
        RepairBoundaries(deleted, candidates);
        ForgiveMathGlyphs(deleted, candidates, pFrom, pTo);
        var inserted = new List<int>();
        foreach (var j in candidates)
        {
            var key = pdfWords[j].Key;
            if (key.Length == 0 || !WordNormalizer.HasLetter(key)) continue;
            if (anyMath && MathLike(key, allowed)) continue;
            // A lone letter only the PDF has is a variable set in a text font (\mathbf{w} uses the bold text face).
            if (key.Count(char.IsLetter) == 1 && key.Length <= 2 && !key.Any(c => c is 'a' or 'A' or 'I')) continue;
            inserted.Add(j);
        }
        if (deleted.Count == 0 && inserted.Count == 0) return null;
        return new Hunk(deleted, inserted, hFrom - 1, hTo);
    }

    /// <summary>
    /// Word boundaries the extraction got wrong: an HTML word the PDF prints as two or three pieces (a kern taken for a
    /// space), or HTML words the PDF runs together. Such pairs are taken as equal and leave the gap.
    /// </summary>
    private void RepairBoundaries(List<int> deleted, List<int> pdf)
    {
        if (deleted.Count == 0 || pdf.Count < 1) return;
        for (var d = 0; d < deleted.Count; d++)
            if (Joining(htmlTokens[deleted[d]].Key, pdf, j => pdfWords[j].Key) is { } split)
            {
                MatchedPdf.UnionWith(pdf.GetRange(split.Start, split.Count));
                pdf.RemoveRange(split.Start, split.Count);
                deleted.RemoveAt(d--);
            }
        for (var j = 0; j < pdf.Count; j++)
            if (Joining(pdfWords[pdf[j]].Key, deleted, h => htmlTokens[h].Key) is { } run)
            {
                MatchedPdf.Add(pdf[j]);
                deleted.RemoveRange(run.Start, run.Count);
                pdf.RemoveAt(j--);
            }
    }

    /// <summary>Where two to four consecutive <paramref name="pieces"/>, joined, spell <paramref name="key"/>; null if nowhere.</summary>
    private static (int Start, int Count)? Joining(string key, List<int> pieces, Func<int, string> keyOf)
    {
        for (var start = 0; start < pieces.Count; start++)
        {
            var joined = keyOf(pieces[start]);
            var k = start + 1;
            while (k < pieces.Count && joined.Length < key.Length && k - start < 4) joined += keyOf(pieces[k++]);
            if (k - start >= 2 && joined == key) return (start, k - start);
        }
        return null;
    }

    /// <summary>
    /// Greek letters and symbols an author typed in prose (α, τ ≤ 1, 3 × 3) the PDF typesets in a math font: an HTML
    /// word whose symbols are all among the math-font glyphs printed in the gap, and whose other characters are no
    /// letters or are a PDF word of the gap (β-ish), is there in both.
    /// </summary>
    private void ForgiveMathGlyphs(List<int> deleted, List<int> candidates, int pFrom, int pTo)
    {
        if (deleted.Count == 0) return;
        var glyphs = new System.Text.StringBuilder();
        for (var j = Math.Max(0, pFrom - 1); j <= Math.Min(pdfWords.Count - 1, pTo); j++)
        {
            if (j >= pFrom) glyphs.Append(pdfWords[j].MathBefore);
            glyphs.Append(pdfWords[j].MathAfter);
        }
        if (glyphs.Length == 0) return;
        var pool = WordNormalizer.FoldGreek(WordNormalizer.Clean(glyphs.ToString()));
        for (var d = 0; d < deleted.Count; d++)
        {
            var key = WordNormalizer.FoldGreek(htmlTokens[deleted[d]].Key);
            if (!key.Any(WordNormalizer.IsMathSymbol) || !key.Where(WordNormalizer.IsMathSymbol).All(c => pool.Contains(c))) continue;
            var rest = new string(key.Where(c => !WordNormalizer.IsMathSymbol(c)).ToArray());
            if (!WordNormalizer.HasLetter(rest)) { deleted.RemoveAt(d--); continue; }
            // The text between the symbols (∂L/∂ŷ: "L" and "ŷ") must be words of the gap.
            var parts = new string(rest.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var used = new List<int>();
            foreach (var part in parts)
            {
                var at = candidates.FindIndex(j => !used.Contains(j) && WordNormalizer.Bare(WordNormalizer.FoldGreek(pdfWords[j].Key)) == WordNormalizer.Bare(part));
                if (at < 0) { used = null; break; }
                used.Add(candidates[at]);
            }
            if (used is null) continue;
            MatchedPdf.UnionWith(used);
            candidates.RemoveAll(used.Contains);
            deleted.RemoveAt(d--);
        }
    }

    /// <summary>Text a formula prints in a text font: short letter runs, words of its TeX, and those glued to digits or signs.</summary>
    private static bool MathLike(string key, HashSet<string> allowed)
    {
        var letters = new string(key.Where(char.IsLetter).ToArray());
        if (letters.Length <= 2) return true;
        if (allowed.Contains(letters)) return true;
        if (Concatenation(letters, allowed)) return true;
        var parts = new string(key.Select(c => char.IsLetter(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && parts.All(p => p.Length <= 2 || allowed.Contains(p));
    }

    /// <summary>TeX glues the words of one <c>\text{…}</c> together (<c>\text{textbf{Op}}</c> prints "textbfOp").</summary>
    private static bool Concatenation(string letters, HashSet<string> allowed)
    {
        var reach = new bool[letters.Length + 1];
        reach[0] = true;
        for (var i = 0; i < letters.Length; i++)
        {
            if (!reach[i]) continue;
            foreach (var w in allowed)
                if (w.Length > 0 && i + w.Length <= letters.Length && string.CompareOrdinal(letters, i, w, 0, w.Length) == 0) reach[i + w.Length] = true;
        }
        return reach[letters.Length];
    }

    private void FindMoves(List<Hunk> hunks)
    {
        foreach (var del in hunks.Where(h => h.Deleted.Count >= 6))
        {
            var keys = del.Deleted.Select(i => htmlTokens[i].Key).ToList();
            foreach (var ins in hunks.Where(h => h != del && !h.Moved && h.Inserted.Count >= keys.Count / 2))
            {
                var pool = ins.Inserted.Select(j => pdfWords[j].Key).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
                var hit = 0;
                foreach (var k in keys)
                    if (pool.TryGetValue(k, out var n) && n > 0) { pool[k] = n - 1; hit++; }
                if (hit >= 0.8 * keys.Count)
                {
                    del.Moved = true;
                    ins.Moved = true;
                    ins.Inserted.Clear();
                    break;
                }
            }
        }
    }

    private IEnumerable<ParityDifference> Describe(Hunk h)
    {
        if (h.Moved && h.Deleted.Count > 0)
        {
            var unit = html.Units[htmlTokens[h.Deleted[0]].Unit];
            yield return new ParityDifference(KindOf(unit), $"{streamName} text is in another place in the PDF (moved): \"{Words(h.Deleted)}\"",
                unit.Location, Words(h.Deleted), null, Context(h));
            yield break;
        }
        if (h.Moved) yield break;
        var whole = h.Deleted.Select(i => htmlTokens[i].Unit).Where(_missing.Contains).ToHashSet();
        foreach (var u in whole)
        {
            if (!_reported.Add(u)) continue;
            var unit = html.Units[u];
            var text = Words(Enumerable.Range(0, htmlTokens.Count).Where(i => htmlTokens[i].Unit == u && !htmlTokens[i].IsMath).ToList());
            var where = PdfPlace(h) is { } p ? $" (it would be at {p})" : "";
            yield return new ParityDifference(KindOf(unit), $"{Describe(unit)} missing from the PDF: \"{text}\"{where}", unit.Location, text, null, null);
        }
        var partial = h.Deleted.Where(i => !whole.Contains(htmlTokens[i].Unit)).ToList();
        if (partial.Count == 0 && h.Inserted.Count == 0) yield break;
        var at = partial.Count > 0 ? html.Units[htmlTokens[partial[0]].Unit] : NearUnit(h);
        var pdfText = h.Inserted.Count > 0 ? Trim(string.Join(' ', h.Inserted.Select(j => pdfWords[j].Text))) : null;
        var htmlText = partial.Count > 0 ? Words(partial) : null;
        var message = (htmlText, pdfText) switch
        {
            ({ } a, { } b) => $"the PDF says \"{b}\" where the HTML says \"{a}\"",
            ({ } a, null) => $"the PDF lacks \"{a}\"",
            (null, { } b) => $"the PDF has \"{b}\" which the HTML lacks",
            _ => "",
        };
        if (PdfPlace(h) is { } place) message += $" ({place})";
        yield return new ParityDifference(KindOf(at), message, at.Location, htmlText, pdfText, Context(h));
    }

    /// <summary>Where in the PDF a gap is: its first extra PDF word, else the PDF word matched just after (or before) it.</summary>
    private string? PdfPlace(Hunk h)
    {
        if (h.Inserted.Count > 0) return PdfSide.Place(pdfWords[h.Inserted[0]]);
        for (var i = h.After; i < htmlTokens.Count && i < h.After + 50; i++)
            if (PdfOfHtml.TryGetValue(i, out var j)) return PdfSide.Place(pdfWords[j]);
        for (var i = h.Before; i >= 0 && i > h.Before - 50; i--)
            if (PdfOfHtml.TryGetValue(i, out var j)) return PdfSide.Place(pdfWords[j]);
        return null;
    }

    private Unit NearUnit(Hunk h)
    {
        // The block before the insertion, unless only the block after it knows its source line (raw HTML has none).
        var before = h.Before >= 0 && h.Before < htmlTokens.Count ? html.Units[htmlTokens[h.Before].Unit] : null;
        var after = h.After < htmlTokens.Count ? html.Units[htmlTokens[h.After].Unit] : null;
        if (before is not null && (before.Location.Source is not null || after?.Location.Source is null)) return before;
        return after ?? before ?? (html.Units.Count > 0 ? html.Units[^1] : new Unit(-1, UnitKind.Paragraph, ParityLocation.None));
    }

    private static string Describe(Unit u) => u.Kind switch
    {
        UnitKind.Heading => "heading",
        UnitKind.Caption => u.Owner.ToLowerInvariant() + " caption",
        UnitKind.FigureText => "text inside the figure",
        UnitKind.NotationRow => "notation row",
        UnitKind.TableCell => "table cell",
        UnitKind.ListItem => "list item",
        UnitKind.Code => "code block",
        UnitKind.Note => "note",
        UnitKind.Reference => "reference entry",
        UnitKind.Title => "title block text",
        UnitKind.Toc => "table of contents entry",
        _ => "paragraph",
    };

    internal static ParityKind KindOf(Unit u) => u.Kind switch
    {
        UnitKind.Heading => ParityKind.Heading,
        UnitKind.Caption when u.Owner == "Figure" => ParityKind.Figure,
        UnitKind.FigureText => ParityKind.Figure,
        UnitKind.Caption when u.Owner == "Table" => ParityKind.Table,
        UnitKind.Caption or UnitKind.NotationRow => ParityKind.Notation,
        UnitKind.Note => ParityKind.Note,
        UnitKind.Reference => ParityKind.Reference,
        UnitKind.Equation => ParityKind.Equation,
        _ => ParityKind.Prose,
    };

    private string Words(List<int> tokens) => Trim(string.Join(' ', tokens.Select(i => htmlTokens[i].Text)));

    private static string Trim(string s) => s.Length <= 160 ? s : s[..110] + " … " + s[^40..];

    private string Context(Hunk h)
    {
        var before = new List<string>();
        for (var i = h.Before; i >= 0 && before.Count < 4; i--) before.Insert(0, htmlTokens[i].Text);
        var after = new List<string>();
        for (var i = h.After; i < htmlTokens.Count && after.Count < 4; i++) after.Add(htmlTokens[i].Text);
        var html = h.Deleted.Count > 0 ? Words(h.Deleted) : "";
        var pdf = h.Inserted.Count > 0 ? Trim(string.Join(' ', h.Inserted.Select(j => pdfWords[j].Text))) : "";
        var middle = $"[-{html}-]{{+{pdf}+}}".Replace("[--]", "").Replace("{++}", "");
        return $"… {string.Join(' ', before)} {middle} {string.Join(' ', after)} …".Replace("  ", " ");
    }
}
