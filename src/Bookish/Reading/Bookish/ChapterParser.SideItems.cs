using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Reading;

internal sealed partial class ChapterParser
{
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
                Inline titled = title is [Emphasis { Strong: false } already] ? already : new Emphasis(title, false, span);
                ImmutableArray<Inline> text = author.Length == 0 ? [titled] : [titled, new Str(", ", span), .. author];
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
