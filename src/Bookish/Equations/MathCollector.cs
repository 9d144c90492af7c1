using System.Collections.Immutable;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Equations;

/// <summary>Collects every distinct math fragment of the documents (inline, display, raw blocks) with all its spans.</summary>
internal static class MathCollector
{
    internal static IReadOnlyList<MathFragment> Collect(IEnumerable<Document> documents, Func<Block, IEnumerable<(string Tex, MathMode Mode, SourceSpan Span)>>? extra = null)
    {
        var found = new Dictionary<(string, MathMode), List<SourceSpan>>();
        var order = new List<(string, MathMode)>();
        void Add(string tex, MathMode mode, SourceSpan span)
        {
            var k = (tex, mode);
            if (!found.TryGetValue(k, out var spans)) { found[k] = spans = []; order.Add(k); }
            spans.Add(span);
        }
        foreach (var doc in documents)
        {
            foreach (var b in doc.Metadata.Abstract) Walk(b, Add, extra);
            // A chapter's title heading has left the body; its math is typeset in the page's header and the contents.
            if (doc.Metadata.TitleContent.Length > 0) Walk(new Paragraph(doc.Metadata.TitleContent, SourceSpan.None), Add, extra);
            foreach (var b in doc.Blocks) Walk(b, Add, extra);
        }
        return order.Select(k => new MathFragment(k.Item1, k.Item2, found[k].ToImmutableArray())).ToList();
    }

    private static void Walk(Block block, Action<string, MathMode, SourceSpan> add, Func<Block, IEnumerable<(string, MathMode, SourceSpan)>>? extra)
    {
        if (extra is not null)
            foreach (var (tex, mode, span) in extra(block)) add(tex, mode, span);
        switch (block)
        {
            case MathBlock m:
                var (blockTex, mode) = MathTex.ForBlock(m);
                add(blockTex, mode, m.Span);
                break;
            case CheckBlock c:
                add(c.Display, MathMode.Display, c.Span);
                break;
            case Paragraph p: Inlines(p.Content, add, extra); break;
            case Heading h: Inlines(h.Content, add, extra); break;
            case ListBlock l: foreach (var i in l.Items) foreach (var b in i.Blocks) Walk(b, add, extra); break;
            case BlockQuote q: foreach (var b in q.Blocks) Walk(b, add, extra); break;
            case Aside a: Inlines(a.Title, add, extra); foreach (var b in a.Blocks) Walk(b, add, extra); break;
            case Theorem t: Inlines(t.Title, add, extra); foreach (var b in t.Blocks) Walk(b, add, extra); break;
            case Table t:
                Inlines(t.Caption, add, extra);
                foreach (var r in t.Rows) foreach (var c in r.Cells) Inlines(c.Content, add, extra);
                break;
            case Figure f:
                Inlines(f.Caption, add, extra);
                if (!f.Parts.IsDefaultOrEmpty) foreach (var part in f.Parts) Inlines(part.Caption, add, extra);
                break;
        }
    }

    private static void Inlines(ImmutableArray<Inline> inlines, Action<string, MathMode, SourceSpan> add, Func<Block, IEnumerable<(string, MathMode, SourceSpan)>>? extra)
    {
        foreach (var i in inlines)
        {
            switch (i)
            {
                case MathInline m: add(m.Tex, MathMode.Inline, m.Span); break;
                case Emphasis e: Inlines(e.Content, add, extra); break;
                case Link l: Inlines(l.Content, add, extra); break;
                case Note n: foreach (var b in n.Content) Walk(b, add, extra); break;
            }
        }
    }
}
