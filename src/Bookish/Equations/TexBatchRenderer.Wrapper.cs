using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Equations;

/// <summary>
/// How each fragment is typeset. Inline math is <c>$…$</c> in a box. A display is a real LaTeX display,
/// <c>\[ … \]</c>, in a very wide paragraph of its own, so everything LaTeX accepts there works (<c>split</c>,
/// <c>\verb</c>, <c>\tag</c>-free amsmath displays); the displayed line's box is then taken back with <c>\lastbox</c>:
/// TeX's own height, depth and width of the formula, with its baseline. When amsmath typesets the display as an
/// alignment the width of the display (<c>split</c>), the width is that of the widest row, measured by amsmath itself.
/// Boxes are made with the <c>\setbox</c> primitive, never a macro argument, so <c>\verb</c> and catcode tricks work, and
/// after each fragment an empty paragraph ends, which resets TeX's error count: a batch with many bad fragments never
/// meets TeX's limit of 100 errors per paragraph, and each bad fragment stays local.
/// </summary>
internal sealed partial class TexBatchRenderer
{
    /// <summary>The wrapper's macros (they go into the format with the packages).</summary>
    internal const string WrapperMacros =
        "\\makeatletter\n" +
        "\\newbox\\bkline\\newbox\\bkscratch\\newdimen\\bkw\\newdimen\\bkwide\\bkwide=10000pt\n" +
        "\\def\\bkdisplay{\\global\\bkw\\z@\\hsize\\bkwide\\linewidth\\hsize\\columnwidth\\hsize\\parindent\\z@\\parskip\\z@\\noindent}\n" +
        "\\def\\bkgrab{\\par\\unskip\\unpenalty\\unskip\\unpenalty\\unskip\\global\\setbox\\bkline\\lastbox}\n" +
        // amsmath typesets some displays (split) as a gather as wide as the display: record the widest row it measures.
        "\\let\\bk@calcgather\\calc@shift@gather\n" +
        "\\def\\calc@shift@gather{\\ifdim\\wdz@>\\bkw\\global\\bkw\\wdz@\\fi\\bk@calcgather}\n" +
        "\\def\\bkfinish{\\setbox\\bkline\\hbox{\\unhbox\\bkline}\\ifdim\\wd\\bkline<\\bkwide\\global\\setbox\\bkbox\\box\\bkline" +
        "\\else\\ifdim\\bkw=\\z@\\global\\bkw\\bkwide\\fi\\dimen@\\bkwide\\advance\\dimen@-\\bkw" +
        "\\global\\setbox\\bkbox\\hbox to\\bkw{\\hskip-.5\\dimen@\\box\\bkline\\hss}\\fi}\n" +
        // A fragment that left groups open (a stray '$' or '}' in the author's TeX) is closed here, each group by its own
        // kind of end (e-TeX's \currentgrouptype), so the next fragment starts at the outer level.
        "\\def\\bkbase{0}\\def\\bkrecover{\\ifnum\\currentgrouplevel>\\bkbase\\relax\\bkclose\\expandafter\\bkrecover\\fi}\n" +
        "\\def\\bkclose{\\ifcase\\currentgrouptype\\or\\egroup\\or\\egroup\\or\\egroup\\or\\egroup\\or\\egroup\\or\\crcr\\egroup\\or\\egroup\\or\\egroup" +
        "\\or\\egroup\\or\\egroup\\or\\egroup\\or\\egroup\\or\\egroup\\or\\endgroup\\or\\ifinner$\\else$$\\fi\\or\\right.\\else\\egroup\\fi}\n" +
        // A display with lines of text (\intertext) is an align*/gather* typeset at the page's measure in a vbox; its lines
        // are then taken off the bottom one by one (e-TeX's \lastnodetype) and stacked again without the empty line the
        // paragraph starts with, the skips above and below and the penalties: the box is the rows and text lines alone.
        "\\newbox\\bkstack\\newskip\\bkpend\\newif\\ifbkstarted\n" +
        "\\def\\bktextdisplay#1{\\global\\bkw\\z@\\hsize#1em\\linewidth\\hsize\\columnwidth\\hsize\\textwidth\\hsize\\parindent\\z@\\parskip\\z@" +
        "\\abovedisplayskip\\z@\\belowdisplayskip\\z@\\abovedisplayshortskip\\z@\\belowdisplayshortskip\\z@\\noindent}\n" +
        "\\def\\bkunstack{\\par\\global\\setbox\\bkstack\\vbox{}\\global\\bkpend\\z@\\global\\bkstartedfalse\\bkpop}\n" +
        "\\def\\bkpop{\\let\\bknext\\bkpop\\ifcase\\numexpr\\lastnodetype+1\\relax\\let\\bknext\\relax\\or\\let\\bknext\\relax" +
        "\\or\\bkpopbox\\or\\bkpopbox\\or\\let\\bknext\\relax\\or\\let\\bknext\\relax\\or\\let\\bknext\\relax\\or\\let\\bknext\\relax" +
        "\\or\\let\\bknext\\relax\\or\\let\\bknext\\relax\\or\\let\\bknext\\relax\\or\\let\\bknext\\relax" +
        "\\or\\global\\advance\\bkpend\\lastskip\\unskip\\or\\global\\advance\\bkpend\\lastkern\\unkern\\or\\unpenalty" +
        "\\else\\let\\bknext\\relax\\fi\\bknext}\n" +
        "\\def\\bkpopbox{\\setbox\\z@\\lastbox\\ifdim\\dimexpr\\ht\\z@+\\dp\\z@\\relax=\\z@\\let\\bknext\\relax\\else" +
        "\\ifbkstarted\\global\\setbox\\bkstack\\vbox{\\box\\z@\\vskip\\bkpend\\unvbox\\bkstack}\\else" +
        "\\global\\setbox\\bkstack\\vbox{\\box\\z@}\\global\\bkstartedtrue\\fi\\global\\bkpend\\z@\\fi}\n" +
        // A raw LaTeX block is typeset in a box, where LaTeX cannot float: a figure, table or algorithm (algorithm2e) in it
        // is set in place, as a minipage of the line's width with its caption, as the float package's [H] does.
        "\\def\\bkinplace{\\def\\@xfloat##1[##2]{\\def\\@captype{##1}\\par\\noindent\\minipage{\\linewidth}}" +
        "\\def\\end@float{\\endminipage\\par}\\let\\@dblfloat\\@float\\let\\end@dblfloat\\end@float}\n" +
        "\\def\\bkreset{\\bkrecover\\setbox\\bkscratch\\vbox{\\noindent\\par}}\n" +
        "\\makeatother\n";

    /// <summary>
    /// One fragment: begin marker, the box, its metrics in the log, the page, and a clean end. The fragment's own text is
    /// not in the batch file but in a file of its own (<see cref="FragmentFile"/>), read with LaTeX's <c>\@@input</c>: a
    /// macro that reads ahead (<c>\def\x#1\end{…}</c>, <c>\long</c> or not) stops at that file's end (TeX aborts an
    /// argument there, "File ended while scanning use of"), so it never sees Bookish's code and token after it. The page
    /// carries the fragment's index in <c>\count0</c> and <c>\count1</c>, both set again right before it is shipped (a fragment
    /// may have changed them; the DVI file records both on every page, pdfTeX's pages carry them through <see cref="PdfCounts"/>; see
    /// <see cref="AssignPages"/>); <c>\count0</c> is -1 between Bookish's own pages, so a page shipped any other way is told apart.
    /// </summary>
    /// <param name="mark">TeX run after each change of the counts (pdfTeX: <see cref="PdfCounts.Mark"/>; DVI records the counts itself).</param>
    private static void AppendFragment(StringBuilder sb, int index, MathFragment fragment, string ship, string token, string mark = "")
    {
        var (open, close) = fragment.Mode switch
        {
            MathMode.Inline => ("\\global\\setbox\\bkbox\\hbox{$", "$}"),
            MathMode.Display when TextDisplayMeasure(fragment.Tex) is { } measure =>
                ($"\\setbox\\bkscratch\\vbox{{\\bktextdisplay{{{measure}}}", "\\bkunstack}\\global\\setbox\\bkbox\\box\\bkstack"),
            MathMode.Display => ("\\setbox\\bkscratch\\vbox{\\bkdisplay\\[", "\\]\\bkgrab}\\bkfinish"),
            _ => ("\\global\\setbox\\bkbox\\hbox{\\begin{varwidth}{\\textwidth}\\bkinplace", "\\end{varwidth}}"),
        };
        // The group level of the document body, which the recovery returns to.
        if (index == 0) sb.Append("\\edef\\bkbase{\\the\\currentgrouplevel}");
        sb.Append($"\\global\\count1={index}\\relax{mark}\\typeout{{BKB:{token}:{index}}}{open}\\csname @@input\\endcsname {FragmentFile(index)} ");
        sb.Append($"{close}\\typeout{{BKM:{token}:{index}:\\the\\ht\\bkbox:\\the\\dp\\bkbox:\\the\\wd\\bkbox}}\\global\\count0={index}\\global\\count1={index}\\relax{mark}{ship}\\global\\count0=-1\\relax{mark}\\bkreset\n");
    }

    /// <summary>The file holding fragment <paramref name="index"/>'s own text (in the run's work directory).</summary>
    internal static string FragmentFile(int index) => $"bkf{index}.tex";

    /// <summary>What <see cref="FragmentFile"/> holds: the author's text, its last line break commented out.</summary>
    internal static string FragmentText(MathFragment fragment) => fragment.Tex.Replace("\r", "") + "%\n";

    /// <summary>The file holding the author's own macros (read like a fragment, so they cannot read ahead either).</summary>
    internal const string PreambleFile = "bkpre.tex";

    /// <summary>The measure (in em) of a display made by <see cref="MathTex.TextDisplay"/>, or null for any other display.</summary>
    private static string? TextDisplayMeasure(string tex)
    {
        if (!tex.StartsWith("\\begin{align*}", StringComparison.Ordinal) && !tex.StartsWith("\\begin{gather*}", StringComparison.Ordinal)) return null;
        var em = tex.Contains(MathTex.RowMarker, StringComparison.Ordinal) ? MathTex.NumberedTextMeasureEm : MathTex.TextMeasureEm;
        return em.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A preamble line, with a marker before it when it is the author's (so TeX's errors in it land on its source line).</summary>
    private static void AppendPreambleLine(StringBuilder sb, int lineIndex, string line, MathSettings settings)
    {
        if (settings.PreambleOrigins.ContainsKey(line)) sb.Append($"\\typeout{{BKD:{lineIndex}}}\n");
        sb.Append(line).Append('\n');
    }

    [GeneratedRegex(@"^BKD:(\d+)\s*$", RegexOptions.Multiline)] private static partial Regex PreambleMarker();
}
