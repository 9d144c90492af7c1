using System.Text;
using Bookish.Model;

namespace Bookish.Tests.Reading;

/// <summary>A compact, readable dump of the model for spec files: one block per line, inlines in brackets.</summary>
internal static class ModelDump
{
    public static string Dump(IEnumerable<Block> blocks)
    {
        var sb = new StringBuilder();
        foreach (var b in blocks) Block(b, sb, 0);
        return sb.ToString().TrimEnd();
    }

    /// <summary>Attributes beyond the info word: the language when it is not that word, line numbers, highlighted lines.</summary>
    private static string CodeExtras(CodeBlock c)
    {
        var a = c.Attributes;
        var extras = new List<string>();
        if (a.Language != c.Info.Split(' ')[0]) extras.Add($"lang={a.Language}");
        if (a.NumberLines) extras.Add($"numbers-from={a.StartFrom}");
        if (!a.HighlightLines.IsEmpty) extras.Add($"hl={string.Join(",", a.HighlightLines)}");
        return extras.Count == 0 ? "" : " [" + string.Join(" ", extras) + "]";
    }

    private static void Block(Block b, StringBuilder sb, int indent)
    {
        var pad = new string(' ', indent * 2);
        switch (b)
        {
            case Heading h: sb.Append($"{pad}heading {h.Level} #{h.Id} {Inl(h.Content)}\n"); break;
            case Paragraph p: sb.Append($"{pad}para {Inl(p.Content)}\n"); break;
            case MathBlock m: sb.Append($"{pad}math {m.Environment} {{{m.Tex}}}\n"); break;
            case CodeBlock c: sb.Append($"{pad}code {c.Info}{CodeExtras(c)} {{{c.Code}}}\n"); break;
            case ListBlock l:
                sb.Append($"{pad}{(l.Ordered ? "ol" : "ul")}\n");
                foreach (var i in l.Items) { sb.Append($"{pad}  item\n"); foreach (var c in i.Blocks) Block(c, sb, indent + 2); }
                break;
            case BlockQuote q: sb.Append($"{pad}quote\n"); foreach (var c in q.Blocks) Block(c, sb, indent + 1); break;
            case Table t:
                sb.Append($"{pad}table{(t.Label is null ? "" : " #" + t.Label)} {Inl(t.Caption)}\n");
                foreach (var r in t.Rows) sb.Append($"{pad}  {(r.IsHeader ? "th" : "tr")} {string.Join(" | ", r.Cells.Select(c => Inl(c.Content)))}\n");
                break;
            case Figure f: sb.Append($"{pad}figure {f.Source}{(f.Label is null ? "" : " #" + f.Label)} {Inl(f.Caption)}\n"); break;
            case Aside a:
                sb.Append($"{pad}aside {a.Kind}{(a.Title.Length > 0 ? " " + Inl(a.Title) : "")}{(a.Collapse is { } fold ? " collapse=" + fold.ToString().ToLowerInvariant() : "")}\n");
                foreach (var c in a.Blocks) Block(c, sb, indent + 1);
                break;
            case Theorem t:
                sb.Append($"{pad}{t.Kind.Name}{(t.Label is null ? "" : " #" + t.Label)}{(t.Title.Length > 0 ? " " + Inl(t.Title) : "")}\n");
                foreach (var c in t.Blocks) Block(c, sb, indent + 1);
                break;
            default: sb.Append($"{pad}{b.GetType().Name.ToLowerInvariant()}\n"); break;
        }
    }

    private static string Inl(IEnumerable<Inline> inlines) => "[" + string.Join(" ", inlines.Select(i => i switch
    {
        Str s => $"\"{s.Value}\"",
        Emphasis e => (e.Strong ? "strong" : "em") + Inl(e.Content),
        Code c => $"code\"{c.Value}\"",
        Link l => $"link({l.Url}){Inl(l.Content)}",
        Image img => $"img({img.Source})",
        MathInline m => $"math{{{m.Tex}}}",
        Note n when n.Content is [Paragraph p] && !n.Side => $"note{Inl(p.Content)}",
        Note n => $"note{(n.Side ? "-side" : "")}",
        SoftBreak => "sb",
        LineBreak => "br",
        CrossRef x => $"ref({x.Label})",
        Citation c => (c.Narrative ? "citet(" : "cite(") + (c.Items.All(x => x is { Prefix: "", Suffix: "", SuppressAuthor: false })
            ? string.Join(",", c.Keys)
            : string.Join("; ", c.Items.Select(x => (x.Prefix.Length > 0 ? x.Prefix + " " : "") + (x.SuppressAuthor ? "-" : "") + x.Key + (x.Suffix.Length > 0 ? ", " + x.Suffix : "")))) + ")",
        _ => i.GetType().Name,
    })) + "]";
}
