using System.Collections.Immutable;
using System.Globalization;
using Bookish.Diagnostics;
using Bookish.Model;

namespace Bookish.Reading;

internal sealed partial class ChapterParser
{
    private static readonly HashSet<string> BlockTagNames =
    [
        "chapter", "section", "subsection", "subsubsection", "abstract", "table", "tr", "td", "th", "ol", "ul", "li",
        "latex", "html", "cut", "pyeval", "pyfig", "figure", "aside", "callout", "div", "chapquote", "youtube", "hr",
        "data", "copy", "css", "include", "metadata", "copyright", "notebook-support", "article", "book",
    ];

    private static readonly HashSet<string> OptionalEndTags = ["chapter", "section", "subsection", "subsubsection", "li", "tr", "td", "th", "img", "include", "hr", "article", "book"];

    private bool IsBlockTag(Tag tag, int pos) =>
        BlockTagNames.Contains(tag.Name) || (tag.Name == "img" && !tag.IsClose && AtLineStart(pos) && RestOfLineBlank(tag.End));

    private bool RestOfLineBlank(int i)
    {
        for (; i < _t.Length && _t[i] != '\n'; i++)
            if (!char.IsWhiteSpace(_t[i])) return false;
        return true;
    }

    private void BlockTag(Tag tag, ref int pos, int end, List<Block> blocks)
    {
        if (tag.IsClose)
        {
            pos = Consume(tag);
            if (!OptionalEndTags.Contains(tag.Name)) Error(tag.Start, tag.End, $"unexpected </{tag.Name}>: no <{tag.Name}> is open here");
            return;
        }
        var span = Span(tag.Start, tag.End);
        switch (tag.Name)
        {
            case "chapter":
                pos = Consume(tag);
                ChapterTag(tag);
                return;
            case "section" or "subsection" or "subsubsection":
                pos = Consume(tag);
                AddHeading(blocks, tag.Name switch { "section" => 2, "subsection" => 3, _ => 4 }, AttrInlines(tag.Attr("title")), tag.Value("label"), tag.Start, tag.End);
                return;
            case "abstract":
            {
                var content = ElementBlocks(tag, ref pos, end);
                if (_abstract.Length > 0) Error(tag.Start, tag.End, "a chapter has at most one <abstract>");
                else _abstract = content;
                return;
            }
            case "table":
                blocks.Add(TableElement(tag, ref pos, end));
                return;
            case "ol" or "ul":
                blocks.Add(ListElement(tag, ref pos, end));
                return;
            case "li" or "tr" or "td" or "th":
                pos = Consume(tag);
                Error(tag.Start, tag.End, $"<{tag.Name}> outside {(tag.Name == "li" ? "<ol> or <ul>" : "<table>")}");
                return;
            case "latex":
            {
                var (s, e, next) = RawBody(tag, end);
                pos = next;
                blocks.Add(new MathBlock(FixGraphics(_t[s..e], s).Trim(), MathEnvironment.RawLatex, Span(tag.Start, next)));
                return;
            }
            case "html":
            {
                var (s, e, next) = RawBody(tag, end);
                pos = next;
                var html = _t[s..e].Trim();
                if (html is "<hr>" or "<hr/>" or "<hr />") blocks.Add(new ThematicBreak(Span(tag.Start, next)));
                else blocks.Add(new RawBlock("html", html, Span(tag.Start, next)));
                return;
            }
            case "cut":
                pos = RawBody(tag, end).Next;
                return;
            case "pyeval" or "pyfig":
            {
                var (s, e, next) = RawBody(tag, end);
                pos = next;
                Diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PythonNotExecuted, Span(tag.Start, tag.End), $"<{tag.Name}>: Python cells are not executed yet; showing the code"));
                blocks.Add(new CodeBlock("python", TrimCode(_t[s..e]), Span(tag.Start, next)));
                return;
            }
            case "figure":
                blocks.Add(FigureElement(tag, ref pos, end));
                return;
            case "aside" or "callout" or "div":
            {
                var content = ElementBlocks(tag, ref pos, end);
                var title = AttrInlines(tag.Attr("title"));
                blocks.Add(new Aside(tag.Name == "div" ? "aside" : tag.Name, title, content, Span(tag.Start, pos)));
                return;
            }
            case "chapquote":
            {
                pos = Consume(tag);
                blocks.Add(new Aside("chapquote", [], Quote(tag, span), Span(tag.Start, tag.End)));
                return;
            }
            case "youtube":
            {
                pos = Consume(tag);
                var src = tag.Value("src") ?? "";
                if (src.Length == 0) Error(tag.Start, tag.End, "<youtube> needs a src attribute");
                blocks.Add(new Paragraph([new Link(src, [new Str("Video: " + src, span)], span)], span));
                return;
            }
            case "hr":
                pos = Consume(tag);
                blocks.Add(new ThematicBreak(span));
                return;
            case "img":
            {
                pos = Consume(tag);
                var src = tag.Value("src") ?? "";
                if (src.Length == 0) Error(tag.Start, tag.End, "<img> needs a src attribute");
                blocks.Add(new Figure(src, tag.Value("alt") ?? "", [], span) { WidthFraction = WidthFraction(tag.Value("width")) });
                return;
            }
            case "copyright" or "data" or "metadata" or "css" or "include" or "copy" or "notebook-support" or "article" or "book":
            {
                Warning(tag.Start, tag.End, $"<{tag.Name}> belongs in the root file; ignored here");
                pos = tag.Name is "copyright" or "data" ? RawBody(tag, end).Next : Consume(tag);
                return;
            }
            default:
                pos = Consume(tag);
                return;
        }
    }

    private static string TrimCode(string code)
    {
        var lines = code.Replace("\r", "").Split('\n').ToList();
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join("\n", lines);
    }

    internal static double WidthFraction(string? width) =>
        width is not null && width.EndsWith('%') && double.TryParse(width.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w / 100 : 0;

    private ImmutableArray<Block> Quote(Tag tag, Text.SourceSpan span)
    {
        var quote = AttrInlines(tag.Attr("quote"));
        var author = AttrInlines(tag.Attr("author"));
        if (quote.Length == 0) Error(tag.Start, tag.End, $"<{tag.Name}> needs a quote attribute");
        var blocks = ImmutableArray.CreateBuilder<Block>();
        blocks.Add(new Paragraph([new Str("\u201C", span), .. quote, new Str("\u201D", span)], span));
        if (author.Length > 0) blocks.Add(new Paragraph([new Str("\u2014 ", span), .. author], span));
        return blocks.ToImmutable();
    }

    private Block ListElement(Tag tag, ref int pos, int end)
    {
        var ordered = tag.Name == "ol";
        pos = Consume(tag);
        var items = ImmutableArray.CreateBuilder<ListItem>();
        static bool ItemStop(Tag t) => t.Is("li") || (t.IsClose && t.Name is "ol" or "ul" or "li");
        while (true)
        {
            pos = SkipWhitespace(pos, end);
            if (pos >= end)
            {
                Error(tag.Start, tag.End, $"<{tag.Name}> is not closed: expected </{tag.Name}>");
                break;
            }
            var next = TagReader.TryRead(_t, pos, end);
            if (next is { } li && li.Is("li"))
            {
                var itemStart = pos;
                pos = Consume(li);
                var blocks = Blocks(ref pos, end, ItemStop);
                if (TagReader.TryRead(_t, pos, end) is { } liEnd && liEnd.Closes("li")) pos = Consume(liEnd);
                items.Add(new ListItem(blocks, Span(itemStart, pos)));
                continue;
            }
            if (next is { IsClose: true, Name: "ol" or "ul" })
            {
                if (next.Name != tag.Name) Error(next.Start, next.End, $"</{next.Name}> closes <{tag.Name}>");
                pos = Consume(next);
                break;
            }
            if (next is { } stray && stray.Closes("li")) { pos = Consume(stray); continue; }
            var before = pos;
            Error(pos, pos + 1, $"expected <li> or </{tag.Name}> in <{tag.Name}>");
            var orphan = Blocks(ref pos, end, ItemStop);
            if (orphan.Length > 0) items.Add(new ListItem(orphan, Span(before, pos)));
            if (pos == before) pos++;
        }
        return new ListBlock(ordered, 1, items.ToImmutable(), Span(tag.Start, pos));
    }

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

    private Block FigureElement(Tag tag, ref int pos, int end)
    {
        var content = ElementBlocks(tag, ref pos, end);
        var caption = AttrInlines(tag.Attr("caption"));
        var label = tag.Value("label");
        var span = Span(tag.Start, pos);
        _ctx.DefineLabel(label, _chapter, Span(tag.Start, tag.End));
        var image = content.OfType<Figure>().FirstOrDefault();
        if (image is not null && content.Length == 1)
            return image with { Caption = caption, Label = label, Span = span };
        return new Aside("figure", caption, content, span);
    }

    /// <summary>Side items: defined here, shown as a side note where first referenced (or here when never referenced).</summary>
    private Inline SideItemElement(Tag tag, ref int pos, int end)
    {
        var span = Span(tag.Start, tag.End);
        var label = tag.Value("label");
        ImmutableArray<Block> content;
        switch (tag.Name)
        {
            case "site":
            {
                pos = Consume(tag);
                var url = tag.Value("url") ?? "";
                if (url.Length == 0) Error(tag.Start, tag.End, "<site> needs a url attribute");
                content = [new Paragraph([new Link(url, [new Str(url, span)], span)], span)];
                break;
            }
            case "citation":
            {
                pos = Consume(tag);
                var title = AttrInlines(tag.Attr("title"));
                var author = AttrInlines(tag.Attr("author"));
                if (title.Length == 0) Error(tag.Start, tag.End, "<citation> needs a title attribute");
                ImmutableArray<Inline> text = author.Length == 0
                    ? [new Emphasis(title, false, span)]
                    : [new Emphasis(title, false, span), new Str(", ", span), .. author];
                content = [new Paragraph(text, span)];
                break;
            }
            case "sidequote":
                pos = Consume(tag);
                content = Quote(tag, span);
                break;
            case "sidefig":
            {
                var inner = ElementBlocks(tag, ref pos, end);
                var caption = AttrInlines(tag.Attr("caption"));
                content = caption.Length == 0 ? inner : inner.Add(new Paragraph(caption, span));
                break;
            }
            default: // sidenote
                content = ElementBlocks(tag, ref pos, end);
                break;
        }
        if (label is null && tag.Name is "site" or "citation")
            Error(tag.Start, tag.End, $"<{tag.Name}> needs a label attribute");
        var item = new SideItem(label, _chapter, content, Span(tag.Start, pos));
        _ctx.AddSideItem(item);
        return new PendingSide(item, Span(tag.Start, pos));
    }
}
