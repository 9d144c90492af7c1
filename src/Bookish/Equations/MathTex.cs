using System.Text.RegularExpressions;
using Bookish.Model;

namespace Bookish.Equations;

/// <summary>The TeX actually rendered for a block: environments become their inner forms (aligned, gathered), numbers are
/// dropped (the page prints them beside the image) and labels removed.</summary>
internal static partial class MathTex
{
    [GeneratedRegex(@"\\label\{[^}]*\}|\\nonumber\b|\\notag\b")] private static partial Regex NumberingCommands();

    /// <summary><paramref name="tex"/> without labels, <c>\nonumber</c>/<c>\notag</c> and <c>\tag</c>s (their arguments may hold braces: <c>\tag{$\mathbf{x}$}</c>).</summary>
    public static string Strip(string tex) => NumberingCommands().Replace(EquationTag.Strip(tex), "").Trim();

    /// <summary>
    /// A rule too small to see, ended on a row's baseline: the picture of a numbered multi-row display carries one per
    /// numbered row, so the page can set each number on its row's baseline as TeX placed it (the page removes them).
    /// </summary>
    internal const string RowMarker = "\\rule{.02pt}{.02pt}";

    internal static (string Tex, MathMode Mode) ForBlock(MathBlock block)
    {
        var body = Strip(block.Tex);
        if (block.Numbers.Length > 0 && block.Environment is MathEnvironment.Align or MathEnvironment.Gather or MathEnvironment.Multline
            or MathEnvironment.AlignStar or MathEnvironment.GatherStar)
            body = WithRowMarkers(block, body);
        if (block.Environment != MathEnvironment.RawLatex && HasIntertext(body)) return (TextDisplay(block.Environment, body), MathMode.Display);
        return block.Environment switch
        {
            MathEnvironment.RawLatex => (block.Tex.Trim(), MathMode.RawBlock),
            MathEnvironment.Align or MathEnvironment.AlignStar => ($"\\begin{{aligned}}{body}\\end{{aligned}}", MathMode.Display),
            MathEnvironment.Gather or MathEnvironment.GatherStar => ($"\\begin{{gathered}}{body}\\end{{gathered}}", MathMode.Display),
            MathEnvironment.Multline or MathEnvironment.MultlineStar => ($"\\begin{{gathered}}{body}\\end{{gathered}}", MathMode.Display),
            _ => (body, MathMode.Display),
        };
    }

    [GeneratedRegex(@"\\(short)?intertext(?![A-Za-z])")] private static partial Regex Intertext();
    [GeneratedRegex(@"^\s*\\begin\{(?<env>aligned|gathered)\}(?<body>.*)\\end\{\k<env>\}\s*$", RegexOptions.Singleline)] private static partial Regex InnerEnvironment();

    /// <summary>Whether a display holds a line of text between its rows (<c>\intertext</c>, <c>\shortintertext</c>).</summary>
    internal static bool HasIntertext(string tex) => Intertext().IsMatch(tex);

    /// <summary>
    /// How wide (in em of the body text) a display with lines of text is typeset: the page's measure (62ch of the body
    /// font, ~31 em of the body text, measured in Chromium at 1280 px) in the math's em (math is set at 1.1 em), less the
    /// numbers' column and its gap when its rows are numbered (the page sets numbers beside the picture).
    /// </summary>
    internal const double TextMeasureEm = 28, NumberedTextMeasureEm = 24;

    /// <summary>
    /// A display with <c>\intertext</c>: typeset as LaTeX does, an <c>align*</c> (<c>gather*</c>) at the page's measure, so the
    /// text lines sit at the left margin between the rows and the columns stay aligned across them. Bodies written as
    /// <c>aligned</c>/<c>gathered</c> (where LaTeX refuses <c>\intertext</c>, MathJax accepts it) are taken out of them.
    /// </summary>
    internal static string TextDisplay(MathEnvironment environment, string body)
    {
        var env = environment is MathEnvironment.Gather or MathEnvironment.GatherStar ? "gather*" : "align*";
        if (InnerEnvironment().Match(body) is { Success: true } inner)
        {
            env = inner.Groups["env"].Value == "gathered" ? "gather*" : "align*";
            body = inner.Groups["body"].Value;
        }
        return $"\\begin{{{env}}}{body}\\end{{{env}}}";
    }

    /// <summary>The LaTeX environment the PDF writes for a display with lines of text that has none of its own (or an inner one).</summary>
    internal static string? PdfTextDisplay(MathBlock block) =>
        block.Environment is MathEnvironment.Display or MathEnvironment.EquationStar && HasIntertext(block.Tex) ? TextDisplay(block.Environment, block.Tex.Trim()) : null;

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
