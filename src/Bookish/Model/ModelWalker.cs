namespace Bookish.Model;

/// <summary>Enumerates every block and inline of a document, depth first, in document order.</summary>
internal static class ModelWalker
{
    public static IEnumerable<Block> Blocks(Document document) =>
        document.Metadata.Abstract.Concat(document.Blocks).SelectMany(Blocks);

    public static IEnumerable<Block> Blocks(Block block)
    {
        yield return block;
        IEnumerable<Block> children = block switch
        {
            ListBlock l => l.Items.SelectMany(i => i.Blocks),
            BlockQuote q => q.Blocks,
            Aside a => a.Blocks,
            Theorem t => t.Blocks,
            _ => [],
        };
        foreach (var c in children)
            foreach (var d in Blocks(c)) yield return d;
        foreach (var note in InlinesOf(block).SelectMany(Inlines).OfType<Note>())
            foreach (var b in note.Content)
                foreach (var d in Blocks(b)) yield return d;
    }

    public static IEnumerable<Inline> Inlines(Document document) =>
        Blocks(document).SelectMany(InlinesOf).SelectMany(Inlines);

    public static IEnumerable<Inline> Inlines(Inline inline)
    {
        yield return inline;
        IEnumerable<Inline> children = inline switch
        {
            Emphasis e => e.Content,
            Link l => l.Content,
            _ => [],
        };
        foreach (var c in children)
            foreach (var d in Inlines(c)) yield return d;
    }

    /// <summary>The inlines held directly by a block (not those of nested blocks).</summary>
    public static IEnumerable<Inline> InlinesOf(Block block) => block switch
    {
        Paragraph p => p.Content,
        Heading h => h.Content,
        Table t => t.Caption.Concat(t.Rows.SelectMany(r => r.Cells.SelectMany(c => c.Content))),
        Figure f => f.Parts.IsDefaultOrEmpty ? f.Caption : f.Caption.Concat(f.Parts.SelectMany(p => p.Caption)),
        Aside a => a.Title,
        Theorem t => t.Title,
        _ => [],
    };
}
