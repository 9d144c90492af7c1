using System.Text.RegularExpressions;

namespace Bookish.Checks.Parity;

/// <summary>Headings (HTML headings vs PDF bookmarks), equations (ids as named destinations, numbers), figures and tables, links, notes.</summary>
internal static partial class StructureComparer
{
    public static IEnumerable<ParityDifference> Headings(HtmlSide html, PdfSide pdf)
    {
        var h = html.Headings;
        var p = pdf.Headings;
        if (h.Count == 0 && p.Count == 0) yield break;
        var hTop = h.Count == 0 ? 0 : h.Min(x => x.Level);
        var pTop = p.Count == 0 ? 0 : p.Min(x => x.Level);
        string Key(string number, string text) => number + "|" + TextKey(text);
        var matches = WordDiff.Match(h.Select(x => Key(x.Number, x.Text)).ToList(), p.Select(x => Key(x.Number, x.Text)).ToList());
        var matchedH = matches.Select(m => m.A).ToHashSet();
        var matchedP = matches.Select(m => m.B).ToHashSet();
        foreach (var (a, b) in matches)
            if (h[a].Level - hTop != p[b].Level - pTop)
                yield return new ParityDifference(ParityKind.Heading, $"heading \"{Title(h[a].Number, h[a].Text)}\" is level {h[a].Level - hTop + 1} in the HTML but {p[b].Level - pTop + 1} in the PDF",
                    html.Units[h[a].Unit].Location, Title(h[a].Number, h[a].Text), Title(p[b].Number, p[b].Text));
        var extraP = Enumerable.Range(0, p.Count).Where(j => !matchedP.Contains(j)).ToList();
        for (var i = 0; i < h.Count; i++)
        {
            if (matchedH.Contains(i)) continue;
            var loc = html.Units[h[i].Unit].Location;
            var sameText = extraP.FirstOrDefault(j => TextKey(p[j].Text) == TextKey(h[i].Text), -1);
            var sameNumber = extraP.FirstOrDefault(j => p[j].Number == h[i].Number && h[i].Number.Length > 0, -1);
            if (sameText >= 0)
            {
                extraP.Remove(sameText);
                var pos = p.Take(sameText).Count();
                yield return new ParityDifference(ParityKind.Heading,
                    $"section \"{Title(h[i].Number, h[i].Text)}\" is heading {i + 1} in the HTML but heading {pos + 1} (\"{Title(p[sameText].Number, p[sameText].Text)}\") in the PDF: moved or renumbered",
                    loc, Title(h[i].Number, h[i].Text), Title(p[sameText].Number, p[sameText].Text));
            }
            else if (sameNumber >= 0)
            {
                extraP.Remove(sameNumber);
                yield return new ParityDifference(ParityKind.Heading, $"heading {h[i].Number} reads \"{h[i].Text}\" in the HTML but \"{p[sameNumber].Text}\" in the PDF",
                    loc, Title(h[i].Number, h[i].Text), Title(p[sameNumber].Number, p[sameNumber].Text));
            }
            else
                yield return new ParityDifference(ParityKind.Heading, $"heading \"{Title(h[i].Number, h[i].Text)}\" is missing from the PDF outline", loc, Title(h[i].Number, h[i].Text));
        }
        foreach (var j in extraP)
            yield return new ParityDifference(ParityKind.Heading, $"the PDF has heading \"{Title(p[j].Number, p[j].Text)}\" which the HTML lacks", ParityLocation.None, null, Title(p[j].Number, p[j].Text));
    }

    private static string Title(string number, string text) => number.Length > 0 ? number + " " + text : text;

    /// <summary>Heading text compared by its words; math (TeX in the HTML, its PDF-string fallback in bookmarks) by letters only.</summary>
    private static string TextKey(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(WordNormalizer.Key).Where(k => k.Length > 0 && k.All(char.IsLetterOrDigit)));

    public static IEnumerable<ParityDifference> Equations(HtmlSide html, PdfSide pdf, HashSet<int> matchedPdfWords)
    {
        var eqs = html.Math.Where(m => m.Display && !m.InNote).ToList();
        var prefixes = eqs.Select(m => IdPrefix().Match(m.Id)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();
        bool Candidate(string name) => eqs.Any(e => e.Id == name) || prefixes.Any(pre => name.StartsWith(pre, StringComparison.Ordinal) && name.Length > pre.Length && name[pre.Length..].All(c => char.IsDigit(c) || c == '-'));
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
        var numbers = new Dictionary<string, List<string>>();
        for (var k = 0; k < pdf.Body.Count; k++)
        {
            var w = pdf.Body[k];
            if (matchedPdfWords.Contains(k) || !WordNormalizer.IsEquationNumber(w.Text)) continue;
            var owner = dests.LastOrDefault(d => d.Page < w.Page || (d.Page == w.Page && d.Y >= w.Y));
            if (owner is null) continue;
            (numbers.TryGetValue(owner.Name, out var list) ? list : numbers[owner.Name] = []).Add(w.Text[1..^1]);
        }
        foreach (var e in withId.Where(e => pdfNames.Contains(e.Id)))
        {
            var got = numbers.GetValueOrDefault(e.Id) ?? [];
            if (!got.SequenceEqual(e.Numbers))
                yield return new ParityDifference(ParityKind.Equation,
                    $"equation {e.Id} is numbered {Numbers(e.Numbers)} in the HTML but {Numbers(got)} in the PDF", html.Units[e.Unit].Location, Numbers(e.Numbers), Numbers(got), Short(e.Tex));
        }
    }

    private static string Label(HtmlMath e) => e.Numbers.Length > 0 ? $"{Numbers(e.Numbers)} ({e.Id})" : $"'{e.Id}'";
    private static string Numbers(IEnumerable<string> n) => n.Any() ? string.Join(", ", n.Select(x => $"({x})")) : "unnumbered";
    private static string Short(string tex) { tex = Regex.Replace(tex, @"\s+", " ").Trim(); return tex.Length <= 80 ? tex : tex[..77] + "…"; }

    [GeneratedRegex(@"^(.*?-)\d+$")] private static partial Regex IdPrefix();
    [GeneratedRegex(@"^(\d+(?:\.\d+)*[a-z]?):$")] private static partial Regex FloatNumber();

    public static IEnumerable<ParityDifference> Floats(HtmlSide html, PdfSide pdf)
    {
        var found = new List<string>();
        for (var k = 0; k + 1 < pdf.Body.Count; k++)
            if (pdf.Body[k].Text is "Figure" or "Table" && FloatNumber().Match(pdf.Body[k + 1].Text) is { Success: true } m)
                found.Add(pdf.Body[k].Text + " " + m.Groups[1].Value);
        var want = html.Floats.Where(f => f.Number.Length > 0).ToList();
        var matches = WordDiff.Match(want.Select(f => f.Kind + " " + f.Number).ToList(), found);
        var mh = matches.Select(m => m.A).ToHashSet();
        var mp = matches.Select(m => m.B).ToHashSet();
        foreach (var kind in new[] { "Figure", "Table" })
        {
            int a = want.Count(f => f.Kind == kind), b = found.Count(f => f.StartsWith(kind, StringComparison.Ordinal));
            if (a != b)
                yield return new ParityDifference(kind == "Figure" ? ParityKind.Figure : ParityKind.Table,
                    $"the HTML has {a} numbered {kind.ToLowerInvariant()}(s), the PDF {b}", ParityLocation.None, a.ToString(), b.ToString());
        }
        for (var i = 0; i < want.Count; i++)
            if (!mh.Contains(i))
                yield return new ParityDifference(want[i].Kind == "Figure" ? ParityKind.Figure : ParityKind.Table,
                    $"{want[i].Kind} {want[i].Number} (\"{want[i].Caption}\") has no caption label in the PDF", Loc(html, want[i].Unit), $"{want[i].Kind} {want[i].Number}");
        for (var j = 0; j < found.Count; j++)
            if (!mp.Contains(j))
                yield return new ParityDifference(found[j].StartsWith('F') ? ParityKind.Figure : ParityKind.Table, $"the PDF has {found[j]} which the HTML lacks", ParityLocation.None, null, found[j]);
    }

    private static ParityLocation Loc(HtmlSide html, int unit) => unit >= 0 && unit < html.Units.Count ? html.Units[unit].Location : ParityLocation.None;

    public static IEnumerable<ParityDifference> Links(HtmlSide html, PdfSide pdf)
    {
        var h = new List<HtmlLink>();
        foreach (var l in html.Links) if (h.Count == 0 || UrlKey(h[^1].Url) != UrlKey(l.Url)) h.Add(l);
        var p = new List<string>();
        foreach (var (uri, _) in pdf.Links) if (p.Count == 0 || p[^1] != UrlKey(uri)) p.Add(UrlKey(uri));
        var matches = WordDiff.Match(h.Select(l => UrlKey(l.Url)).ToList(), p);
        var mh = matches.Select(m => m.A).ToHashSet();
        var mp = matches.Select(m => m.B).ToHashSet();
        var extra = Enumerable.Range(0, p.Count).Where(j => !mp.Contains(j)).ToList();
        for (var i = 0; i < h.Count; i++)
        {
            if (mh.Contains(i)) continue;
            // The PDF link in the same place of the sequence, if any, is the one that changed.
            var prevMatch = matches.Where(m => m.A < i).Select(m => m.B).DefaultIfEmpty(-1).Max();
            var instead = extra.FirstOrDefault(j => j > prevMatch, -1);
            if (instead >= 0) extra.Remove(instead);
            yield return new ParityDifference(ParityKind.Link,
                instead >= 0 ? $"a link goes to {h[i].Url} in the HTML but to {p[instead]} in the PDF" : $"the link to {h[i].Url} is missing from the PDF",
                Loc(html, h[i].Unit), h[i].Url, instead >= 0 ? p[instead] : null);
        }
        foreach (var j in extra)
            yield return new ParityDifference(ParityKind.Link, $"the PDF links to {p[j]} which the HTML does not", ParityLocation.None, null, p[j]);
    }

    private static string UrlKey(string url)
    {
        url = url.Trim();
        try { url = Uri.UnescapeDataString(url); } catch (UriFormatException) { }
        return url;
    }

    public static IEnumerable<ParityDifference> NoteCount(HtmlSide html, PdfSide pdf, int htmlNotes)
    {
        if (htmlNotes != pdf.NoteNumbers.Count)
            yield return new ParityDifference(ParityKind.Note, $"the HTML has {htmlNotes} note(s), the PDF {pdf.NoteNumbers.Count} footnote(s)", ParityLocation.None, htmlNotes.ToString(), pdf.NoteNumbers.Count.ToString());
    }
}
