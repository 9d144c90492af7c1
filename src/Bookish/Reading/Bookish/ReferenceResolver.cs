using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;

namespace Bookish.Reading;

/// <summary>
/// Second pass over all chapters: a side item becomes a side note beside the paragraph that first refers to it (or
/// where it was defined when nothing refers to it); other <c>[label]</c> references become cross-references.
/// </summary>
internal sealed class ReferenceResolver(ReadContext ctx)
{
    public void MarkReferenced(IEnumerable<ImmutableArray<Block>> all)
    {
        foreach (var blocks in all.Concat(ctx.SideItems.Select(s => s.Content)))
            foreach (var r in Walk(blocks).OfType<PendingRef>())
                if (ctx.FindSide(r.Label, r.Chapter) is { } side) side.Referenced = true;
    }

    private static IEnumerable<Inline> Walk(ImmutableArray<Block> blocks)
    {
        foreach (var block in blocks)
            foreach (var inline in Walk(block))
                yield return inline;
    }

    private static IEnumerable<Inline> Walk(Block block) => block switch
    {
        Heading h => Walk(h.Content),
        Paragraph p => Walk(p.Content),
        ListBlock l => l.Items.SelectMany(i => Walk(i.Blocks)),
        BlockQuote q => Walk(q.Blocks),
        Aside a => Walk(a.Title).Concat(Walk(a.Blocks)),
        Table t => Walk(t.Caption).Concat(t.Rows.SelectMany(r => r.Cells.SelectMany(c => Walk(c.Content)))),
        Figure f => Walk(f.Caption),
        _ => [],
    };

    private static IEnumerable<Inline> Walk(ImmutableArray<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            yield return inline;
            var children = inline switch
            {
                Emphasis e => Walk(e.Content),
                Link l => Walk(l.Content),
                Note n => Walk(n.Content),
                _ => [],
            };
            foreach (var child in children) yield return child;
        }
    }

    public ImmutableArray<Block> Blocks(ImmutableArray<Block> blocks)
    {
        var result = ImmutableArray.CreateBuilder<Block>();
        foreach (var block in blocks)
        {
            var b = Block(block);
            if (b is Paragraph { Content.Length: 0 }) continue;
            result.Add(b);
        }
        return result.ToImmutable();
    }

    private Block Block(Block block) => block switch
    {
        Heading h => h with { Content = Inlines(h.Content) },
        Paragraph p => p with { Content = Inlines(p.Content) },
        ListBlock l => l with { Items = l.Items.Select(i => i with { Blocks = Blocks(i.Blocks) }).ToImmutableArray() },
        BlockQuote q => q with { Blocks = Blocks(q.Blocks) },
        Aside a => a with { Title = Inlines(a.Title), Blocks = Blocks(a.Blocks) },
        Table t => t with
        {
            Caption = Inlines(t.Caption),
            Rows = t.Rows.Select(r => r with { Cells = r.Cells.Select(c => c with { Content = Inlines(c.Content) }).ToImmutableArray() }).ToImmutableArray(),
        },
        Figure f => f with { Caption = Inlines(f.Caption) },
        _ => block,
    };

    private ImmutableArray<Inline> Inlines(ImmutableArray<Inline> inlines)
    {
        var result = ImmutableArray.CreateBuilder<Inline>();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case PendingRef r:
                {
                    var side = ctx.FindSide(r.Label, r.Chapter);
                    if (side is not null && !side.Placed)
                        result.Add(Place(side, r.Span));
                    else if (side is not null || ctx.Labels.ContainsKey(r.Label))
                        result.Add(new CrossRef(r.Label, r.Span));
                    else
                    {
                        ctx.Diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, r.Span, $"unknown label [{r.Label}]: no chapter, section, figure or side item has this label"));
                        result.Add(new Str("[" + r.Label + "]", r.Span));
                    }
                    break;
                }
                case PendingSide s:
                    if (!s.Item.Referenced && !s.Item.Placed) result.Add(Place(s.Item, s.Span));
                    break;
                case Emphasis e:
                    result.Add(e with { Content = Inlines(e.Content) });
                    break;
                case Link l:
                    result.Add(l with { Content = Inlines(l.Content) });
                    break;
                case Note n:
                    result.Add(n with { Content = Blocks(n.Content) });
                    break;
                default:
                    result.Add(inline);
                    break;
            }
        }
        // Drop the space left before a removed definition at the end of a paragraph.
        if (result.Count > 0 && result[^1] is Str last && last.Value.EndsWith(' ') && inlines.Length > 0 && inlines[^1] is PendingSide)
            result[^1] = last with { Value = last.Value.TrimEnd() };
        return result.ToImmutable();
    }

    private Note Place(SideItem item, Text.SourceSpan span)
    {
        item.Placed = true;
        return new Note(Blocks(item.Content), true, span) { Label = item.Label };
    }
}
