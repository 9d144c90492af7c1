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
                blocks.Add(new MathBlock(FixGraphics(_t[s..e], s).Replace("\r", "").Trim(), MathEnvironment.RawLatex, Span(tag.Start, next)));
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
                blocks.Add(Remember(PythonCellElement(tag, s, e, next)));
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

    private Block FigureElement(Tag tag, ref int pos, int end)
    {
        var content = ElementBlocks(tag, ref pos, end);
        var caption = AttrInlines(tag.Attr("caption"));
        var label = tag.Value("label");
        var span = Span(tag.Start, pos);
        _ctx.DefineLabel(label, _chapter, Span(tag.Start, tag.End));
        if (content is [Figure image])
            return image with { Caption = caption, Label = label, Span = span };
        if (content is [Paragraph { Content: [Image inline] }])
            return new Figure(inline.Source, inline.Alt, caption, span) { Label = label };
        if (content is [Table grid] && SubFigures(grid) is { Parts.Length: > 0 } sub)
            return new Figure("", "", caption, span) { Label = label, Parts = sub.Parts, Columns = sub.Columns };
        return new Aside("figure", caption, content, span);
    }
}
