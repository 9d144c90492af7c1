using System.Text.RegularExpressions;
using Bookish.Model;

namespace Bookish.Equations;

/// <summary>The TeX actually rendered for a block: environments become their inner forms (aligned, gathered), numbers are
/// dropped (the page prints them beside the image) and labels removed.</summary>
internal static partial class MathTex
{
    [GeneratedRegex(@"\\label\{[^}]*\}|\\nonumber\b|\\notag\b|\\tag\*?\{[^}]*\}")] private static partial Regex NumberingCommands();

    public static string Strip(string tex) => NumberingCommands().Replace(tex, "").Trim();

    /// <summary>
    /// A rule too small to see, ended on a row's baseline: the picture of a numbered multi-row display carries one per
    /// numbered row, so the page can set each number on its row's baseline as TeX placed it (the page removes them).
    /// </summary>
    internal const string RowMarker = "\\rule{.02pt}{.02pt}";

    internal static (string Tex, MathMode Mode) ForBlock(MathBlock block)
    {
        var body = Strip(block.Tex);
        if (block.Numbers.Length > 0 && block.Environment is MathEnvironment.Align or MathEnvironment.Gather or MathEnvironment.Multline)
            body = WithRowMarkers(block, body);
        return block.Environment switch
        {
            MathEnvironment.RawLatex => (block.Tex.Trim(), MathMode.RawBlock),
            MathEnvironment.Align or MathEnvironment.AlignStar => ($"\\begin{{aligned}}{body}\\end{{aligned}}", MathMode.Display),
            MathEnvironment.Gather or MathEnvironment.GatherStar => ($"\\begin{{gathered}}{body}\\end{{gathered}}", MathMode.Display),
            MathEnvironment.Multline or MathEnvironment.MultlineStar => ($"\\begin{{gathered}}{body}\\end{{gathered}}", MathMode.Display),
            _ => (body, MathMode.Display),
        };
    }

    /// <summary>The body with <see cref="RowMarker"/> at the end of each numbered row (multline: its last row).</summary>
    private static string WithRowMarkers(MathBlock block, string body)
    {
        var rows = Numbering.Rows(body);
        var numbered = NumberedRows(block);
        if (block.Environment == MathEnvironment.Multline) numbered = [rows.Count - 1];
        else if (numbered.Count == 0 || Numbering.Rows(block.Tex).Count != rows.Count) return body;
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0) sb.Append("\\\\");
            sb.Append(rows[i]);
            if (numbered.Contains(i) && rows[i].Trim().Length > 0) sb.Append(RowMarker);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\\tag\*?\{")] private static partial Regex TagCommand();
    [GeneratedRegex(@"\\nonumber\b|\\notag\b")] private static partial Regex NoNumberCommand();

    /// <summary>Which rows of a block carry a number, in order (the same rule <see cref="Numbering"/> numbers them by).</summary>
    internal static List<int> NumberedRows(MathBlock block)
    {
        var rows = block.Environment.IsMultiRow() ? Numbering.Rows(block.Tex) : [block.Tex];
        var numbered = new List<int>();
        for (var i = 0; i < rows.Count; i++)
            if (TagCommand().IsMatch(rows[i]) || (block.Environment.IsNumbered() && !NoNumberCommand().IsMatch(rows[i]))) numbered.Add(i);
        if (block.Environment is MathEnvironment.Multline or MathEnvironment.MultlineStar && numbered.Count > 0) return [Numbering.Rows(block.Tex).Count - 1];
        return numbered;
    }
}
