using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Latex;

/// <summary>
/// Tables that fit the page: columns holding prose wrap (tabularx X columns sharing the text width), columns of math
/// or short words keep their natural width, and whatever is still wider than the text is scaled down (adjustbox
/// <c>max width</c>), never clipped.
/// </summary>
internal sealed partial class LatexWriter
{
    /// <summary>Characters of prose a column may hold on one line before it is set as a wrapping column.</summary>
    private const int ProseCell = 28;
    /// <summary>About how many characters of 11 pt type fit in the text width, for the natural-width estimate.</summary>
    private const int LineCharacters = 80;

    private void Table(Table t)
    {
        if (t.Rows.FirstOrDefault(r => !r.Span.IsNone && _context.Failed.ContainsKey(r.Span)) is { } failedRow)
        {
            FailedBlock(t, _context.Failed[failedRow.Span]);
            return;
        }
        var captioned = t.Number.Length > 0;
        _out.Line(captioned ? $"\\begin{{table}}{FloatPlacement}" : "\\begin{center}");
        _out.Line("\\centering");
        if (captioned)
        {
            _out.Line($"\\caption{{{Inlines(t.Caption)}}}");
            _out.Line($"\\label{{{LabelOf(t.Label ?? t.Id)}}}");
        }
        var columns = t.Aligns.Length;
        var widths = new double[columns];
        var prose = new bool[columns];
        foreach (var r in t.Rows)
            for (var c = 0; c < Math.Min(columns, r.Cells.Length); c++)
            {
                var (text, math) = Measure(r.Cells[c].Content);
                widths[c] = Math.Max(widths[c], text + math);
                if (!r.IsHeader && text > ProseCell) prose[c] = true;
            }
        var wraps = widths.Sum() + 3 * columns > LineCharacters && prose.Any(p => p);
        var spec = string.Concat(Enumerable.Range(0, columns).Select(c => wraps && prose[c]
            ? ">{" + t.Aligns[c] switch { TableAlign.Right => "\\raggedleft", TableAlign.Center => "\\centering", _ => "\\raggedright" } + "\\arraybackslash}X"
            : t.Aligns[c] switch { TableAlign.Right => "r", TableAlign.Center => "c", _ => "l" }));
        _out.Line("\\begin{adjustbox}{max width=\\linewidth}");
        _out.Line(wraps ? $"\\begin{{tabularx}}{{\\linewidth}}{{{spec}}}" : $"\\begin{{tabular}}{{{spec}}}");
        _out.Line("\\toprule");
        foreach (var r in t.Rows)
        {
            _out.Mark(r.Span);
            _out.Line(string.Join(" & ", r.Cells.Select(c => Inlines(c.Content))) + " \\\\");
            if (r.IsHeader) _out.Line("\\midrule");
        }
        _out.Line("\\bottomrule");
        _out.Line(wraps ? "\\end{tabularx}" : "\\end{tabular}");
        _out.Line("\\end{adjustbox}");
        _out.Line(captioned ? "\\end{table}" : "\\end{center}");
    }

    /// <summary>Rough printed length of a cell: characters of text, and of math (its TeX source counts about half).</summary>
    private static (int Text, int Math) Measure(ImmutableArray<Inline> inlines)
    {
        int text = 0, math = 0;
        foreach (var i in inlines)
            switch (i)
            {
                case Str s: text += s.Value.Length; break;
                case SoftBreak or LineBreak: text += 1; break;
                case Code c: text += c.Value.Length; break;
                case MathInline m: math += (m.Tex.Length + 1) / 2; break;
                case Emphasis e: var (t, mm) = Measure(e.Content); text += t; math += mm; break;
                case Link l: text += Measure(l.Content).Text; break;
                case Model.CrossRef: text += 10; break;
            }
        return (text, math);
    }

    private void NotationTable()
    {
        _out.Line("\\begin{table}[H]");
        _out.Line("\\centering");
        _out.Line("\\caption*{Notation}");
        _out.Line("\\begin{adjustbox}{max width=\\linewidth}");
        // Meanings wrap in their column; the rest keep their natural width, and the whole is scaled down if still too wide.
        _out.Line("\\begin{tabular}{c p{0.4\\linewidth} l l l}");
        _out.Line("\\toprule");
        _out.Line("Symbol & Meaning & Kind & Shape & Search for \\\\");
        _out.Line("\\midrule");
        foreach (var row in _context.NotationRows)
            _out.Line($"${row.Symbol}$ & {LatexEscaper.Escape(row.Meaning)} & {LatexEscaper.Escape(row.Kind)} & {(row.Shape is { Length: > 0 } s ? "$" + s + "$" : "")} & {LatexEscaper.Escape(row.Search ?? "")} \\\\");
        _out.Line("\\bottomrule");
        _out.Line("\\end{tabular}");
        _out.Line("\\end{adjustbox}");
        _out.Line("\\end{table}");
    }
}
