using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;

namespace Bookish.Reading;

internal sealed partial class ChapterParser
{
    private Block TableElement(Tag tag, ref int pos, int end)
    {
        pos = Consume(tag);
        var rows = ImmutableArray.CreateBuilder<TableRow>();
        static bool CellStop(Tag t) => t.Is("td") || t.Is("th") || t.Is("tr") || (t.IsClose && t.Name is "table" or "tr" or "td" or "th");
        while (true)
        {
            pos = SkipWhitespace(pos, end);
            if (pos >= end)
            {
                Error(tag.Start, tag.End, "<table> is not closed: expected </table>");
                break;
            }
            var next = TagReader.TryRead(_t, pos, end);
            if (next is { } tableEnd && tableEnd.Closes("table")) { pos = Consume(tableEnd); break; }
            if (next is { } trEnd && trEnd.Closes("tr")) { pos = Consume(trEnd); continue; }
            var rowStart = pos;
            if (next is { } tr && tr.Is("tr")) pos = Consume(tr);
            else Error(pos, pos + 1, "expected <tr> or </table> in <table>");
            var cells = ImmutableArray.CreateBuilder<TableCell>();
            var header = false;
            while (true)
            {
                pos = SkipWhitespace(pos, end);
                if (pos >= end) break;
                var cell = TagReader.TryRead(_t, pos, end);
                if (cell is null || !(cell.Is("td") || cell.Is("th")))
                {
                    if (cell is { } ce && (ce.Closes("td") || ce.Closes("th"))) { pos = Consume(ce); continue; }
                    if (cell is not null && CellStop(cell)) break;
                    // Content outside a cell: read it into an extra cell rather than lose it.
                    var s0 = pos;
                    Error(pos, pos + 1, "expected <td> or <th> in a table row");
                    var stray = Blocks(ref pos, end, CellStop);
                    cells.Add(new TableCell(CellInlines(stray), Span(s0, pos)));
                    if (pos == s0) pos++;
                    continue;
                }
                header |= cell.Name == "th";
                var cellStart = pos;
                pos = Consume(cell);
                var blocks = Blocks(ref pos, end, CellStop);
                cells.Add(new TableCell(CellInlines(blocks), Span(cellStart, pos)));
            }
            if (cells.Count > 0) rows.Add(new TableRow(header, cells.ToImmutable(), Span(rowStart, pos)));
            if (pos == rowStart) pos++;
        }
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Length);
        return new Table(Enumerable.Repeat(TableAlign.None, columns).ToImmutableArray(), rows.ToImmutable(), Span(tag.Start, pos));
    }

    /// <summary>A table cell holds inlines: paragraphs are joined by line breaks, display math becomes \displaystyle inline math.</summary>
    private ImmutableArray<Inline> CellInlines(ImmutableArray<Block> blocks)
    {
        var result = ImmutableArray.CreateBuilder<Inline>();
        foreach (var block in blocks)
        {
            if (result.Count > 0) result.Add(new LineBreak(block.Span));
            switch (block)
            {
                case Paragraph p: result.AddRange(p.Content); break;
                case MathBlock m: result.Add(new MathInline(m.Environment == MathEnvironment.Display ? @"\displaystyle " + m.Tex : m.Tex, m.Span)); break;
                case Figure f: result.Add(new Image(f.Source, f.Alt, f.Span)); break;
                case CodeBlock c: result.Add(new Code(c.Code, c.Span)); break;
                default:
                    Diagnostics.Add(Diagnostic.Warning(DiagnosticIds.DialectSyntax, block.Span, "a table cell can only hold text, math and images; dropped a " + block.GetType().Name));
                    break;
            }
        }
        return result.ToImmutable();
    }
}
