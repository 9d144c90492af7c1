using System.Collections.Immutable;
using AngleSharp.Dom;
using Bookish.Model;
using Document = Bookish.Model.Document;
using Node = Bookish.Model.Node;

namespace Bookish.Html;

internal sealed partial class HtmlWriter
{
    private static string SourceAttr(Node n) => n.Span.IsNone ? "" : $"{Path.GetFileName(n.Span.Path)}:{n.Span.Line}";

    private IElement WithSource(IElement e, Node n)
    {
        var src = SourceAttr(n);
        if (src.Length > 0) e.SetAttribute("data-src", src);
        return e;
    }

    private INode Block(Block block)
    {
        switch (block)
        {
            case Heading h:
            {
                var top = Presentation.TopHeadingLevel(_page);
                var level = Math.Clamp(h.Level - top + 2, 2, 6);
                var e = WithSource(El("h" + level), h);
                e.Id = h.Id;
                if (h.Number.Length > 0) e.AppendChild(El("span", "secnum", h.Number));
                AppendInlines(e, h.Content);
                var anchor = El("a", "anchor", "#");
                anchor.SetAttribute("href", "#" + h.Id);
                anchor.SetAttribute("aria-label", "Link to this section");
                e.AppendChild(anchor);
                return e;
            }
            case Paragraph p:
            {
                var e = WithSource(El("p"), p);
                AppendInlines(e, p.Content);
                return e;
            }
            case MathBlock m:
                return WithSource(DisplayMath(m), m);
            case CheckBlock c:
                return WithSource(CheckBlockElement(c), c);
            case CodeBlock c:
                return WithSource(Highlighting.CodeHtml.Render(_html, Highlighting.Highlighter.Tokenize(c.Attributes.Language, c.Code), c.Attributes), c);
            case ListBlock l:
            {
                var e = WithSource(El(l.Ordered ? "ol" : "ul"), l);
                if (l.Ordered && l.Start != 1) e.SetAttribute("start", l.Start.ToString());
                foreach (var item in l.Items)
                {
                    var li = El("li");
                    // Tight items: a lone paragraph is written without <p>.
                    if (item.Blocks.Length == 1 && item.Blocks[0] is Paragraph only) AppendInlines(li, only.Content);
                    else foreach (var b in item.Blocks) li.AppendChild(Block(b));
                    e.AppendChild(li);
                }
                return e;
            }
            case BlockQuote q:
            {
                var e = WithSource(El("blockquote"), q);
                foreach (var b in q.Blocks) e.AppendChild(Block(b));
                return e;
            }
            case Table t:
                return TableElement(t);
            case Figure f:
                return FigureElement(f);
            case ThematicBreak:
                return El("hr");
            case RawBlock r when r.Format == "html":
            {
                var div = El("div", "raw");
                div.InnerHtml = r.Text;
                return div;
            }
            case RawBlock:
                return _html.CreateComment(" raw LaTeX omitted in HTML ");
            case Aside a:
                return AsideElement(a);
            case Theorem t:
                return TheoremElement(t);
            case NotationTablePlaceholder n:
                return NotationTableElement(n);
            default:
                return _html.CreateComment($" {block.GetType().Name} ");
        }
    }

    private IElement TableElement(Table t)
    {
        var wrap = WithSource(El("div", "table-wrap"), t);
        var table = El("table");
        if (t.Id.Length > 0 && t.Number.Length > 0) table.Id = t.Id;
        if (Caption("caption", "tbl-label", "Table", t.Number, t.Caption) is { } caption) table.AppendChild(caption);
        var head = t.Rows.Where(r => r.IsHeader).ToList();
        var bodyRows = t.Rows.Where(r => !r.IsHeader).ToList();
        if (head.Count > 0)
        {
            var thead = El("thead");
            foreach (var r in head) thead.AppendChild(Row(r, t.Aligns, "th"));
            table.AppendChild(thead);
        }
        var tbody = El("tbody");
        foreach (var r in bodyRows) tbody.AppendChild(Row(r, t.Aligns, "td"));
        table.AppendChild(tbody);
        wrap.AppendChild(table);
        return wrap;
    }

    private IElement Row(TableRow r, ImmutableArray<TableAlign> aligns, string cellTag)
    {
        var tr = El("tr");
        for (var i = 0; i < r.Cells.Length; i++)
        {
            var align = i < aligns.Length ? aligns[i] : TableAlign.None;
            var cell = El(cellTag, align is TableAlign.None or TableAlign.Left ? null : "align-" + align.ToString().ToLowerInvariant());
            if (cellTag == "th") cell.SetAttribute("scope", "col");
            AppendInlines(cell, r.Cells[i].Content);
            tr.AppendChild(cell);
        }
        return tr;
    }

    private IElement FigureElement(Figure f)
    {
        var fig = WithSource(El("figure", f.Generated is not null ? (f.Side ? "plot python side" : "plot python") : f.PlotSource is null ? null : "plot"), f);
        if (f.Id.Length > 0) fig.Id = f.Id;
        if (!f.Parts.IsDefaultOrEmpty) fig.AppendChild(SubFigureGrid(f));
        else if (_context.PlotSvgs.TryGetValue(f.Id, out var plotSvg))
        {
            var holder = El("div", "plot-image");
            holder.SetAttribute("role", "img");
            holder.SetAttribute("aria-label", f.Alt.Length > 0 ? f.Alt : Presentation.PlainText(f.Caption));
            holder.InnerHtml = plotSvg;
            if (f.WidthFraction > 0) holder.SetAttribute("style", $"--plot-width:{f.WidthFraction * 100:0.##}%");
            fig.AppendChild(holder);
        }
        else
        {
            var img = El("img");
            img.SetAttribute("src", f.Source);
            img.SetAttribute("alt", f.Alt.Length > 0 ? f.Alt : Presentation.PlainText(f.Caption));
            // Not loading="lazy": the writer knows no image sizes, and a lazy image that grows after a jump to a
            // cross-reference shifts the page under the reader (scroll anchoring); the browser tests measure this.
            img.SetAttribute("decoding", "async");
            if (f.WidthFraction > 0) img.SetAttribute("style", $"width:{f.WidthFraction * 100:0.##}%");
            fig.AppendChild(img);
        }
        if (Caption("figcaption", "fig-label", "Figure", f.Number, f.Caption) is { } cap) fig.AppendChild(cap);
        return fig;
    }

    private IElement NotationTableElement(NotationTablePlaceholder n)
    {
        var wrap = WithSource(El("div", "table-wrap notation"), n);
        var table = El("table", "notation-table");
        table.Id = "notation";
        table.AppendChild(El("caption", null, "Notation"));
        var thead = El("thead");
        var hr = El("tr");
        foreach (var h in new[] { "Symbol", "Meaning", "Kind", "Shape", "Search for" })
        {
            var th = El("th", null, h);
            th.SetAttribute("scope", "col");
            hr.AppendChild(th);
        }
        thead.AppendChild(hr);
        table.AppendChild(thead);
        var tbody = El("tbody");
        foreach (var row in _context.NotationRows)
        {
            var tr = El("tr");
            var sym = El("td");
            var math = InlineMath(new MathInline(row.Symbol, n.Span));
            if (row.FirstUseId is { Length: > 0 } first)
            {
                var a = El("a");
                a.SetAttribute("href", "#" + first);
                a.SetAttribute("title", "First use");
                a.AppendChild(math);
                sym.AppendChild(a);
            }
            else sym.AppendChild(math);
            tr.AppendChild(sym);
            tr.AppendChild(El("td", null, row.Meaning));
            tr.AppendChild(El("td", null, row.Kind));
            var shape = El("td");
            if (row.Shape is { Length: > 0 } s) shape.AppendChild(InlineMath(new MathInline(s, n.Span)));
            tr.AppendChild(shape);
            tr.AppendChild(El("td", null, row.Search ?? ""));
            tbody.AppendChild(tr);
        }
        table.AppendChild(tbody);
        wrap.AppendChild(table);
        return wrap;
    }

    private IElement Footnotes()
    {
        var section = El("section", "footnotes");
        section.SetAttribute("aria-label", "Footnotes");
        var ol = El("ol");
        foreach (var n in _footnotes)
        {
            var li = El("li");
            li.Id = "fn-" + n.Number;
            if (int.TryParse(n.Number, out var num)) li.SetAttribute("value", num.ToString());
            foreach (var b in n.Content) li.AppendChild(Block(b));
            var back = El("a", "footnote-back", "↩");
            back.SetAttribute("href", "#fnref-" + n.Number);
            back.SetAttribute("aria-label", "Back to text");
            (li.LastElementChild ?? li).AppendChild(back);
            ol.AppendChild(li);
        }
        section.AppendChild(ol);
        return section;
    }

    /// <summary>A table's or figure's caption: "Table 2:" (when numbered), then the caption text; null when it has neither.</summary>
    private IElement? Caption(string tag, string labelClass, string word, string number, ImmutableArray<Inline> text)
    {
        if (text.Length == 0 && number.Length == 0) return null;
        var caption = El(tag);
        if (number.Length > 0) caption.AppendChild(El("span", labelClass, $"{word} {number}:"));
        caption.AppendChild(_html.CreateTextNode(" "));
        AppendInlines(caption, text);
        return caption;
    }
}
