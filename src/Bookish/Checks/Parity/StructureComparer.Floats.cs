using System.Text.RegularExpressions;

namespace Bookish.Checks.Parity;

internal static partial class StructureComparer
{
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
}
