using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Bookish.Equations;
using Bookish.Model;
using Document = Bookish.Model.Document;
using Node = Bookish.Model.Node;

namespace Bookish.Html;

/// <summary>
/// Writes one page of a publication: fills the template's <c>data-slot</c> elements with DOM built through AngleSharp.
/// Pure: reads no files (the template text comes in the context) and returns the serialized page.
/// </summary>
internal sealed partial class HtmlWriter
{
    private readonly HtmlWriterContext _context;
    private readonly Document _page;
    private readonly IHtmlDocument _html;
    private readonly GlyphStore _glyphs = new();
    private readonly List<Note> _footnotes = [];

    private HtmlWriter(HtmlWriterContext context, Document page)
    {
        _context = context;
        _page = page;
        _html = new HtmlParser().ParseDocument(context.TemplateHtml);
    }

    public static string Write(Document page, HtmlWriterContext context) => new HtmlWriter(context, page).Build();

    /// <summary>
    /// Parses and serializes the template once, off the critical path: AngleSharp's first document costs ~80 ms of
    /// one-time set-up (entity tables, parser state), which a build can pay while TeX renders the equations.
    /// </summary>
    public static void WarmUp(string template)
    {
        var html = new HtmlParser().ParseDocument(template);
        var p = html.CreateElement("p");
        p.ClassName = "warm";
        p.SetAttribute("data-tex", "x");
        p.TextContent = "x < y";
        html.Body?.AppendChild(p);
        _ = html.QuerySelector("[data-slot='body']");
        _ = html.DocumentElement.OuterHtml;
    }

    private IElement? Slot(string name) => _html.QuerySelector($"[data-slot='{name}']");

    private string Build()
    {
        Toolchain.PerfTrace.Mark("html build start");
        var pageMeta = _page.Metadata;
        var title = Presentation.HeaderTitle(_page, _context.Publication);
        // A chapter titled by a heading with math: the math is spoken in the window title and typeset in the h1.
        var titledByHeading = Presentation.HasMath(_page.Metadata.TitleContent);
        if (titledByHeading) title = Presentation.PlainText(Presentation.PageTitleInlines(_page), Spoken);
        _html.DocumentElement.SetAttribute("lang", pageMeta.Lang);
        if (Slot("title") is { } t) t.TextContent = title.Length > 0 ? title : "Untitled";
        WriteHead(pageMeta, title);
        WriteHeader(pageMeta, title);
        if (titledByHeading && Slot("header")?.QuerySelector("h1") is { } h1)
        {
            h1.TextContent = "";
            AppendInlines(h1, Presentation.PageTitleInlines(_page), inToc: true);
        }
        WriteToc();
        var body = Slot("body")!;
        Toolchain.PerfTrace.Mark("html head done");
        foreach (var b in _page.Blocks) body.AppendChild(Block(b));
        Toolchain.PerfTrace.Mark("html blocks done");
        if (References() is { } references) body.AppendChild(references);
        if (_footnotes.Count > 0) body.AppendChild(Footnotes());
        if (Slot("footer") is { } footer) WriteFooter(footer);
        WriteBookChrome();
        WriteGlyphs();
        foreach (var el in _html.QuerySelectorAll("[data-slot]").ToList()) el.RemoveAttribute("data-slot");
        Toolchain.PerfTrace.Mark("html glyphs done");
        var serialized = _html.DocumentElement.OuterHtml;
        Toolchain.PerfTrace.Mark("html serialized");
        var spliced = SpliceSvg("<!DOCTYPE html>\n", serialized, "\n");
        Toolchain.PerfTrace.Mark("html spliced");
        return spliced;
    }

    private IElement El(string tag, string? cls = null, string? text = null)
    {
        var e = _html.CreateElement(tag);
        if (cls is not null) e.ClassName = cls;
        if (text is not null) e.TextContent = text;
        return e;
    }

    private void WriteHead(Metadata m, string title)
    {
        var head = _html.Head!;
        var description = m.Description ?? Presentation.PlainText(m.Abstract).Trim();
        if (description.Length > 300) description = description[..297] + "…";
        if (Slot("description") is { } d) d.SetAttribute("content", description);
        if (Slot("css") is { } css) css.SetAttribute("href", _context.CssHref);
        var anchor = Slot("css");
        foreach (var extra in _context.ExtraCss)
        {
            var link = El("link");
            link.SetAttribute("rel", "stylesheet");
            link.SetAttribute("href", extra);
            head.AppendChild(link);
        }
        void Meta(string attr, string key, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var e = El("meta");
            e.SetAttribute(attr, key);
            e.SetAttribute("content", value);
            head.AppendChild(e);
        }
        Meta("property", "og:type", "article");
        Meta("property", "og:title", title);
        Meta("property", "og:description", description);
        var image = m.Image ?? _context.SocialImage;
        Meta("property", "og:image", image);
        Meta("property", "og:url", m.Url);
        Meta("name", "twitter:card", image is null ? "summary" : "summary_large_image");
        Meta("name", "twitter:title", title);
        Meta("name", "twitter:description", description);
        Meta("name", "twitter:image", image);
        Meta("name", "twitter:site", m.TwitterHandle);
        Meta("name", "author", Presentation.AuthorField(m));
        if (m.Url is { Length: > 0 } url)
        {
            var canonical = El("link");
            canonical.SetAttribute("rel", "canonical");
            canonical.SetAttribute("href", url);
            head.AppendChild(canonical);
        }
        foreach (var src in _context.Scripts)
        {
            var s = El("script");
            s.SetAttribute("src", src);
            s.SetAttribute("defer", "");
            head.AppendChild(s);
        }
    }

    private void WriteHeader(Metadata m, string title)
    {
        var header = Slot("header");
        if (header is null) return;
        header.AppendChild(El("h1", null, title));
        if (m.Subtitle is { Length: > 0 } sub) header.AppendChild(El("p", "subtitle", sub));
        if (m.Authors.Length > 0)
        {
            var p = El("p", "authors");
            for (var i = 0; i < m.Authors.Length; i++)
            {
                if (i > 0) p.AppendChild(_html.CreateTextNode(Presentation.AuthorSeparator(i, m.Authors.Length)));
                var a = m.Authors[i];
                if (a.Url is { Length: > 0 })
                {
                    var link = El("a", null, a.Name);
                    link.SetAttribute("href", a.Url);
                    p.AppendChild(link);
                }
                else p.AppendChild(_html.CreateTextNode(a.Name));
            }
            header.AppendChild(p);
        }
        if (m.Date is { Length: > 0 } date) header.AppendChild(El("p", "date", date));
        if (m.Abstract.Length > 0)
        {
            var abs = El("section", "abstract");
            abs.SetAttribute("aria-label", "Abstract");
            abs.AppendChild(El("p", "abstract-title", "Abstract"));
            foreach (var b in m.Abstract) abs.AppendChild(Block(b));
            header.AppendChild(abs);
        }
        if (_context.Publication.IsBook) header.AppendChild(BookNavigation());
    }

    private IElement BookNavigation()
    {
        var pages = _context.Publication.Pages;
        var index = pages.IndexOf(_page);
        var nav = El("nav", "book-nav");
        nav.SetAttribute("aria-label", "Chapters");
        void Add(string before, ImmutableArray<Inline> title, string after, string href, string rel)
        {
            var a = El("a", rel, before);
            AppendInlines(a, title, inToc: true);
            if (after.Length > 0) a.AppendChild(_html.CreateTextNode(after));
            a.SetAttribute("href", href);
            a.SetAttribute("rel", rel);
            nav.AppendChild(a);
            nav.AppendChild(_html.CreateTextNode(" "));
        }
        if (index > 0) Add("← ", Presentation.PageTitleInlines(pages[index - 1]), "", pages[index - 1].PageName + ".html", "prev");
        if (_page.PageName != "index") Add("Contents", [], "", "index.html", "contents");
        if (index >= 0 && index + 1 < pages.Length) Add("", Presentation.PageTitleInlines(pages[index + 1]), " →", pages[index + 1].PageName + ".html", "next");
        return nav;
    }

    private void WriteToc()
    {
        var toc = Slot("toc");
        if (toc is null) return;
        var headings = _page.Blocks.OfType<Heading>().ToList();
        var bookIndex = _context.Publication.IsBook && _page.PageName == "index";
        if (!Presentation.ShowsContents(_page, _context.Publication)) { toc.Remove(); return; }
        var details = El("details");
        details.SetAttribute("open", "");
        details.AppendChild(El("summary", null, "Contents"));
        var top = Presentation.TopHeadingLevel(_page);
        var list = El("ol");
        IElement? lastItem = null;
        if (bookIndex)
        {
            BookContents(list);
        }
        foreach (var h in headings.Where(h => h.Level <= top + 1))
        {
            var li = El("li");
            var a = El("a");
            a.SetAttribute("href", "#" + h.Id);
            if (h.Number.Length > 0) a.AppendChild(El("span", "secnum", h.Number));
            AppendInlines(a, h.Content, inToc: true);
            li.AppendChild(a);
            if (h.Level == top || lastItem is null) { list.AppendChild(li); lastItem = li; }
            else
            {
                var sub = lastItem.QuerySelector("ol") ?? (IElement)lastItem.AppendChild(El("ol"));
                sub.AppendChild(li);
            }
        }
        details.AppendChild(list);
        toc.AppendChild(details);
    }

    private void WriteFooter(IElement footer)
    {
        var m = _context.Publication.Metadata;
        if (m.Copyright is { Length: > 0 } c) footer.AppendChild(El("p", "copyright", c));
        WritePdfLink(footer);
        if (footer.ChildElementCount == 0) footer.Remove();
    }

    private void WriteGlyphs()
    {
        var slot = Slot("glyphs");
        if (slot is null) return;
        var defs = slot.QuerySelector("defs") ?? (IElement)slot.AppendChild(_html.CreateElement("defs"));
        var markup = string.Concat(_glyphs.Definitions.Select(g => $"<path id=\"{g.Id}\" d=\"{g.D}\"></path>"));
        defs.InnerHtml = markup;
        if (_glyphs.Definitions.Count == 0) slot.Remove();
    }

}
