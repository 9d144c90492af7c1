using AngleSharp.Dom;
using Bookish.Model;

namespace Bookish.Html;

/// <summary>Theorem-likes, callouts (foldable with Quarto's <c>collapse</c>) and citations in every style.</summary>
internal sealed partial class HtmlWriter
{
    /// <summary>
    /// A theorem-like as amsthm sets it: the head ("Theorem 1 (Chain rule)." or "Proof.") run into the first paragraph;
    /// a proof ends with ∎ drawn by the style sheet (not a word of the text, as in the PDF).
    /// </summary>
    private IElement TheoremElement(Theorem t)
    {
        var e = WithSource(El("div", $"theorem-like {t.Kind.Name} style-{t.Kind.Style}"), t);
        if (t.Id.Length > 0) e.Id = t.Id;
        var head = El("span", "theorem-head");
        if (t.Kind.IsProof && t.Title.Length > 0) AppendInlines(head, t.Title);
        else
        {
            head.AppendChild(_html.CreateTextNode(t.Kind.Word + (t.Number.Length > 0 ? " " + t.Number : "")));
            if (t.Title.Length > 0)
            {
                var name = El("span", "theorem-name");
                name.AppendChild(_html.CreateTextNode(" ("));
                AppendInlines(name, t.Title);
                name.AppendChild(_html.CreateTextNode(")"));
                head.AppendChild(name);
            }
        }
        head.AppendChild(_html.CreateTextNode("."));
        var first = true;
        foreach (var b in t.Blocks)
        {
            var node = Block(b);
            if (first && b is Paragraph && node is IElement p)
            {
                p.Prepend(_html.CreateTextNode(" "));
                p.Prepend(head);
            }
            else if (first)
            {
                var p2 = El("p");
                p2.AppendChild(head);
                e.AppendChild(p2);
            }
            first = false;
            e.AppendChild(node);
        }
        if (first)
        {
            var p3 = El("p");
            p3.AppendChild(head);
            e.AppendChild(p3);
        }
        return e;
    }

    /// <summary>A callout: an <c>aside</c>, or with Quarto's <c>collapse</c> a <c>details</c> whose summary is the title (open when "false").</summary>
    private IElement AsideElement(Aside a)
    {
        if (a.Collapse is { } collapsed)
        {
            var details = WithSource(El("details", "callout " + a.Kind), a);
            if (!collapsed) details.SetAttribute("open", "");
            var summary = El("summary", "callout-title");
            AppendInlines(summary, a.Title);
            details.AppendChild(summary);
            foreach (var b in a.Blocks) details.AppendChild(Block(b));
            return details;
        }
        var e = WithSource(El("aside", "callout " + a.Kind), a);
        e.SetAttribute("role", "note");
        if (a.Title.Length > 0)
        {
            var title = El("p", "callout-title");
            AppendInlines(title, a.Title);
            e.AppendChild(title);
        }
        foreach (var b in a.Blocks) e.AppendChild(Block(b));
        return e;
    }

    /// <summary>A citation in the bibliography's style, numbers or years linking to the reference list; a label's key is a cross-reference.</summary>
    private INode CitationNode(Citation c)
    {
        if (CitationLabels.AsCrossRef(c, _page.Labels) is { } x) return CrossRefElement(x);
        var pieces = _context.Bibliography.Pieces(c);
        // A bare @word without a bibliography is the author's text.
        if (c.Bare && pieces is [{ RefId: null } text] && _context.Bibliography.Find(c.Keys[0]) is null && !_context.Bibliography.Declared)
            return _html.CreateTextNode(text.Text);
        var span = El("span", c.Narrative ? "citation narrative" : "citation");
        foreach (var piece in pieces)
        {
            if (piece.RefId is null) { span.AppendChild(_html.CreateTextNode(piece.Text)); continue; }
            var a = El("a", null, piece.Text);
            a.SetAttribute("href", "#" + piece.RefId);
            span.AppendChild(a);
        }
        foreach (var key in c.Keys)
            if (_context.Bibliography.Find(key) is { } reference) _cited.Add(reference);
        return span;
    }
}
