using System.Collections.Immutable;
using Bookish.Model;
using Bookish.Python;

namespace Bookish.Reading;

/// <summary>The legacy dialect's Python cells: <c>&lt;pyeval&gt;</c>, <c>&lt;pyfig&gt;</c> and inline <c>&lt;py&gt;</c>.</summary>
internal sealed partial class ChapterParser
{
    /// <summary>
    /// <c>&lt;pyeval label output hide disable&gt;</c> or <c>&lt;pyfig label side hide width caption&gt;</c> with its body
    /// between <paramref name="start"/> and <paramref name="end"/>: cells sharing a label are one program per chapter.
    /// </summary>
    private PythonCell PythonCellElement(Tag tag, int start, int end, int next)
    {
        var (code, offset) = PythonCode.Trim(_t[start..end]);
        var (plain, highlight) = PythonCode.HighlightMarks(code);
        var figure = tag.Name == "pyfig";
        var hidden = tag.Attr("hide") is not null && tag.Value("hide") is not ("false" or "0");
        var disabled = tag.Attr("disable") is not null && tag.Value("disable") is not ("false" or "0");
        return new PythonCell(plain, Span(tag.Start, next))
        {
            FirstCodeLine = _source.Position(start + offset).Line,
            Group = tag.Value("label") ?? "",
            Echo = !hidden,
            Enabled = !disabled,
            ShowOutput = !disabled,
            OutputExpression = figure ? null : tag.Value("output") is { Length: > 0 } o ? o.Trim() : null,
            IsFigure = figure,
            Caption = tag.Attr("caption") is { } caption ? AttrInlines(caption) : [],
            Side = figure && tag.Attr("side") is not null && tag.Value("side") is not ("false" or "0"),
            WidthFraction = WidthFraction(tag.Value("width")),
            Highlight = highlight,
            BookishValues = true,
        };
    }

    /// <summary>The label of the latest cell before an inline <c>&lt;py&gt;</c>: the value comes from that program.</summary>
    private string _pythonGroup = "";

    private PythonCell Remember(PythonCell cell)
    {
        _pythonGroup = cell.Group;
        return cell;
    }

    private PythonInline PythonInlineElement(Tag tag, int start, int end, int next) =>
        new(_t[start..end].Trim(), Span(tag.Start, next)) { Group = tag.Value("label") ?? _pythonGroup, BookishValues = true };
}
