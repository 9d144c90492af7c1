using Bookish.Model;

namespace Bookish.Writing.Markdown;

internal sealed partial class MarkdownEmitter
{
    /// <summary>A theorem-like as a Pandoc fenced div: <c>::: {.lemma #lem:x title="…"}</c>.</summary>
    private string Theorem(Theorem t)
    {
        _asideDepth++;
        var fence = new string(':', 2 + _asideDepth);
        var title = Inlines(t.Title, InlineMode.SingleLine).Trim().Replace("\"", "\\\"");
        var attributes = "." + t.Kind.Name + (t.Label is { Length: > 0 } l ? " #" + l : "") + (title.Length > 0 ? $" title=\"{title}\"" : "");
        var body = Blocks(t.Blocks);
        _asideDepth--;
        return fence + " {" + attributes + "}\n" + body + "\n" + fence;
    }

    /// <summary>A citation as Pandoc writes it: <c>@a</c>, <c>@a [p. 3]</c>, <c>[see @a, p. 3; -@b]</c>.</summary>
    private static string CitationSyntax(Citation c)
    {
        static string Item(CitationItem i) =>
            (i.Prefix.Length > 0 ? i.Prefix + " " : "") + (i.SuppressAuthor ? "-@" : "@") + i.Key + (i.Suffix.Length > 0 ? ", " + i.Suffix : "");
        if (c.Narrative && c.Items.Length == 1 && c.Items[0].Prefix.Length == 0)
            return "@" + c.Keys[0] + (c.Items[0].Suffix.Length > 0 ? " [" + c.Items[0].Suffix + "]" : "");
        return "[" + string.Join("; ", c.Items.Select(Item)) + "]";
    }
}
