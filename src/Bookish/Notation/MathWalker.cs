using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Notation;

/// <summary>Lists every piece of math of a document body in reading order (not the abstract: its spans are relative to
/// the abstract text).</summary>
internal static class MathWalker
{
    public static List<MathOccurrence> All(Document document)
    {
        var list = new List<MathOccurrence>();
        foreach (var b in document.Blocks) Block(b, list);
        return list;
    }

    private static void Block(Block block, List<MathOccurrence> into)
    {
        switch (block)
        {
            case MathBlock m:
                into.Add(new MathOccurrence(m.Tex, m.Span, m, m.Id.Length > 0 ? m.Id : null, m.Environment != MathEnvironment.RawLatex));
                break;
            case CheckBlock c:
                into.Add(new MathOccurrence(c.Display, c.Span, null, c.Id.Length > 0 ? c.Id : null, false));
                break;
            case Paragraph p: Inlines(p.Content, into); break;
            case Heading h: Inlines(h.Content, into); break;
            case ListBlock l: foreach (var i in l.Items) foreach (var b in i.Blocks) Block(b, into); break;
            case BlockQuote q: foreach (var b in q.Blocks) Block(b, into); break;
            case Aside a: Inlines(a.Title, into); foreach (var b in a.Blocks) Block(b, into); break;
            case Theorem t: Inlines(t.Title, into); foreach (var b in t.Blocks) Block(b, into); break;
            case Table t:
                Inlines(t.Caption, into);
                foreach (var r in t.Rows) foreach (var c in r.Cells) Inlines(c.Content, into);
                break;
            case Figure f: Inlines(f.Caption, into); break;
        }
    }

    private static void Inlines(ImmutableArray<Inline> inlines, List<MathOccurrence> into)
    {
        foreach (var i in inlines)
        {
            switch (i)
            {
                case MathInline m: into.Add(new MathOccurrence(m.Tex, m.Span, null, null, true)); break;
                case Emphasis e: Inlines(e.Content, into); break;
                case Link l: Inlines(l.Content, into); break;
                case Note n: foreach (var b in n.Content) Block(b, into); break;
            }
        }
    }
}
