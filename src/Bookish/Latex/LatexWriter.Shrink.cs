using System.Globalization;
using Bookish.Model;

namespace Bookish.Latex;

internal sealed partial class LatexWriter
{
    /// <summary>
    /// A display of several rows (align, gather, multline, or one with \tag) that stuck out of the text on the last run:
    /// typeset as it is in a minipage as much wider as it stuck out, then scaled down whole to the text width, so rows
    /// stay aligned and each number stays at the right margin on its row.
    /// </summary>
    private void ShrunkRows(MathBlock m, string? name)
    {
        var overflow = _context.Shrink is DisplayShrink d && d.OverflowPt.TryGetValue(m.Span, out var pt) ? pt : 0;
        // TeX measured the row with its number already moved below it: room for the number again (3em), so it stays on its row.
        var extra = overflow > 0 ? (overflow + 2).ToString("0.##", CultureInfo.InvariantCulture) + "pt+3em" : "0.25\\linewidth";
        _out.Line("\\par\\noindent\\begin{adjustbox}{max width=\\linewidth}\\begin{minipage}{\\dimexpr\\linewidth+" + extra + "\\relax}");
        _out.Line(name is null ? "\\[" : $"\\begin{{{name}}}");
        _out.Line(m.Tex);
        _out.Line(name is null ? "\\]" : $"\\end{{{name}}}");
        _out.Line("\\end{minipage}\\end{adjustbox}\\par");
    }
}
