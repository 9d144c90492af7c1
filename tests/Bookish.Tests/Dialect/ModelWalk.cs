using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Tests.Dialect;

/// <summary>Every block and inline of a model, depth first (notes, cells, captions and asides included).</summary>
internal static class ModelWalk
{
    public static IEnumerable<Block> Blocks(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            var children = block switch
            {
                ListBlock l => l.Items.SelectMany(i => i.Blocks),
                BlockQuote q => q.Blocks,
                Aside a => a.Blocks,
                _ => [],
            };
            foreach (var child in Blocks(children)) yield return child;
            foreach (var note in OwnInlines(block).SelectMany(Inlines).OfType<Note>())
                foreach (var inner in Blocks(note.Content)) yield return inner;
        }
    }

    private static IEnumerable<Inline> OwnInlines(Block block) => block switch
    {
        Heading h => h.Content,
        Paragraph p => p.Content,
        Aside a => a.Title,
        Table t => t.Caption.Concat(t.Rows.SelectMany(r => r.Cells.SelectMany(c => c.Content))),
        Figure f => f.Caption,
        _ => [],
    };

    public static IEnumerable<Inline> Inlines(Inline inline)
    {
        yield return inline;
        var children = inline switch
        {
            Emphasis e => e.Content,
            Link l => l.Content,
            _ => ImmutableArray<Inline>.Empty,
        };
        foreach (var child in children.SelectMany(Inlines)) yield return child;
    }

    /// <summary>All inlines of all blocks (including inside notes, which <see cref="Blocks"/> visits).</summary>
    public static IEnumerable<Inline> AllInlines(IEnumerable<Block> blocks) =>
        Blocks(blocks).SelectMany(OwnInlines).SelectMany(Inlines);

    public static string Text(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i switch
    {
        Str s => s.Value,
        Emphasis e => Text(e.Content),
        Link l => Text(l.Content),
        Code c => c.Value,
        MathInline m => "$" + m.Tex + "$",
        SoftBreak or LineBreak => " ",
        CrossRef r => "[" + r.Label + "]",
        _ => "",
    }));
}
