using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Reading;

internal sealed partial class ChapterParser
{
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
}
