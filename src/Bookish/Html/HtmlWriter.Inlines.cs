using System.Collections.Immutable;
using AngleSharp.Dom;
using Bookish.Model;
using Document = Bookish.Model.Document;
using Node = Bookish.Model.Node;

namespace Bookish.Html;

internal sealed partial class HtmlWriter
{
    private void AppendInlines(INode parent, ImmutableArray<Inline> inlines, bool inToc = false)
    {
        // The author's inline HTML: an opening tag paired with its closing tag holds the inlines between them.
        var pairs = HtmlInlineTag.Pairs(inlines);
        var open = new Stack<(INode Parent, int Close)>();
        for (var k = 0; k < inlines.Length; k++)
        {
            var i = inlines[k];
            if (open.Count > 0 && open.Peek().Close == k) { parent = open.Pop().Parent; continue; }
            if (inToc && i is Note) continue;
            if (pairs.TryGetValue(k, out var close) && i is RawInline raw)
            {
                var holder = El("span");
                holder.InnerHtml = raw.Text;
                if (holder.FirstElementChild is { } element)
                {
                    parent.AppendChild(element);
                    open.Push((parent, close));
                    parent = element;
                    continue;
                }
            }
            if (HtmlInlineTag.Of(i) is { Closing: true }) continue;
            if (Inline(i) is { } node) parent.AppendChild(node);
        }
    }

    private INode? Inline(Inline inline)
    {
        switch (inline)
        {
            case Str s: return _html.CreateTextNode(s.Value);
            case SoftBreak: return _html.CreateTextNode("\n");
            case LineBreak: return El("br");
            case Emphasis e:
            {
                var el = El(e.Strong ? "strong" : "em");
                AppendInlines(el, e.Content);
                return el;
            }
            case Code c: return El("code", null, c.Value);
            case Link l:
            {
                var a = El("a");
                a.SetAttribute("href", l.Url);
                if (l.Title is { Length: > 0 } t) a.SetAttribute("title", t);
                AppendInlines(a, l.Content);
                return a;
            }
            case Image img:
            {
                var el = El("img");
                el.SetAttribute("src", img.Source);
                el.SetAttribute("alt", img.Alt);
                return el;
            }
            case MathInline m: return InlineMath(m);
            case Note n: return NoteElement(n);
            case CrossRef x: return CrossRefElement(x);
            case Citation c: return CitationNode(c);
            case RawInline r when r.Format == "html":
            {
                var span = El("span");
                span.InnerHtml = r.Text;
                return span.ChildNodes.Length == 1 ? span.FirstChild!.Clone(true) : span;
            }
            default: return null;
        }
    }

    private INode CrossRefElement(CrossRef x)
    {
        var target = _page.Labels.Find(x.Label);
        var a = El("a", "xref", Presentation.CrossRefText(target, x));
        if (target is not null)
        {
            var page = target.Page == _page.PageName ? "" : target.Page + ".html";
            // A whole page (a book's chapter) is linked without a fragment; on its own page, to its top.
            a.SetAttribute("href", target.Id.Length > 0 ? page + "#" + target.Id : page.Length > 0 ? page : "#");
        }
        else a.ClassList.Add("broken");
        return a;
    }

    private readonly HashSet<Citations.Reference> _cited = [];

    /// <summary>The reference list of the entries this page cites, in citation-number order.</summary>
    private IElement? References()
    {
        if (_cited.Count == 0) return null;
        var section = El("section", "references");
        section.Id = "references";
        section.AppendChild(El("h2", null, "References"));
        // Author-year references are a list sorted by author, without numbers.
        var authorYear = _context.Bibliography.Style == Citations.CitationStyle.AuthorYear;
        var ol = El(authorYear ? "ul" : "ol", authorYear ? "author-year" : null);
        foreach (var r in _cited.OrderBy(r => r.Number))
        {
            var li = El("li");
            li.Id = r.Id;
            if (!authorYear) li.SetAttribute("value", r.Number.ToString());
            if (r.Link is { Length: > 0 } link)
            {
                var a = El("a", null, r.Text);
                a.SetAttribute("href", link);
                li.AppendChild(a);
            }
            else li.TextContent = r.Text;
            ol.AppendChild(li);
        }
        section.AppendChild(ol);
        return section;
    }

    private INode NoteElement(Note n)
    {
        if (!n.Side)
        {
            _footnotes.Add(n);
            var sup = El("sup", "footnote-ref");
            var a = El("a", null, n.Number);
            a.SetAttribute("href", "#fn-" + n.Number);
            a.Id = "fnref-" + n.Number;
            a.SetAttribute("aria-label", "Footnote " + n.Number);
            sup.AppendChild(a);
            return sup;
        }
        var frag = _html.CreateDocumentFragment();
        var id = "sn-" + n.Number;
        var label = El("label", "note-ref", n.Number);
        label.SetAttribute("for", id);
        label.SetAttribute("tabindex", "0");
        label.SetAttribute("aria-label", "Side note " + n.Number);
        var input = El("input", "margin-toggle");
        input.SetAttribute("type", "checkbox");
        input.Id = id;
        var note = El("span", "sidenote");
        note.SetAttribute("role", "note");
        note.AppendChild(El("span", "note-num", n.Number));
        var first = true;
        foreach (var b in n.Content)
        {
            if (!first) note.AppendChild(El("br"));
            first = false;
            if (b is Paragraph p) AppendInlines(note, p.Content);
            else note.AppendChild(Block(b));
        }
        frag.AppendChild(label);
        frag.AppendChild(input);
        frag.AppendChild(note);
        return frag;
    }
}
