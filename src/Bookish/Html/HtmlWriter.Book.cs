using AngleSharp.Dom;
using Bookish.Model;
using Document = Bookish.Model.Document;

namespace Bookish.Html;

/// <summary>
/// A book's navigation: the sidebar (the book's title, search, every chapter grouped by part, the current chapter's
/// sections, collapsible), the "Chapter 2" label above a chapter's title, previous/next links at the bottom as well as
/// the top, and the index page's contents grouped by part. The behaviour (menu button, ← →, search) is templates/book.js.
/// </summary>
internal sealed partial class HtmlWriter
{
    /// <summary>Everything a book page adds around the body; called once the body is written.</summary>
    private void WriteBookChrome()
    {
        if (!_context.Publication.IsBook) return;
        var body = _html.Body!;
        body.ClassList.Add("book");
        var sidebar = Sidebar();
        var menu = El("button", "book-menu");
        menu.SetAttribute("type", "button");
        menu.SetAttribute("aria-controls", "book-sidebar");
        menu.SetAttribute("aria-expanded", "false");
        menu.SetAttribute("aria-label", "Chapters and search");
        menu.AppendChild(El("span", "book-menu-icon")).TextContent = "☰";
        menu.AppendChild(El("span", "book-menu-label", "Menu"));
        var skip = body.QuerySelector(".skip-link");
        body.InsertBefore(menu, skip?.NextSibling ?? body.FirstChild);
        body.InsertBefore(sidebar, menu.NextSibling);
        if (_page.Chapter is { } chapter && Slot("header") is { } header && header.QuerySelector("h1") is { } h1)
        {
            // The chapter's label names its title, so links to it (one.html#sec:first) keep working.
            if (_page.Label is { Length: > 0 } label && _html.GetElementById(label) is null) h1.Id = label;
            // A chapter that opens a part says so, as the PDF's part page does ("Part I Foundations").
            if (chapter is { OpensPart: true, Part: { } part })
            {
                var partLabel = El("p", "part-label");
                partLabel.AppendChild(El("span", "part-number", "Part " + chapter.PartNumber));
                partLabel.AppendChild(_html.CreateTextNode(" " + part));
                header.InsertBefore(partLabel, h1);
            }
            header.InsertBefore(El("p", "chapter-label", chapter.Name), h1);
        }
        if (body.QuerySelector("main") is { } main)
        {
            var bottom = BookNavigation();
            bottom.ClassList.Add("book-nav-bottom");
            bottom.SetAttribute("aria-label", "Previous and next chapter");
            main.After(bottom);
        }
    }

    private IElement Sidebar()
    {
        var pub = _context.Publication;
        var nav = El("nav", "book-sidebar");
        nav.Id = "book-sidebar";
        nav.SetAttribute("aria-label", "Book");
        var title = El("a", "book-title", pub.Metadata.Title.Length > 0 ? pub.Metadata.Title : "Contents");
        title.SetAttribute("href", "index.html");
        if (_page.PageName == "index") title.SetAttribute("aria-current", "page");
        nav.AppendChild(title);

        var search = El("div", "book-search");
        search.SetAttribute("role", "search");
        var input = El("input");
        input.Id = "book-search-input";
        input.SetAttribute("type", "search");
        input.SetAttribute("placeholder", "Search the book");
        input.SetAttribute("aria-label", "Search the book");
        input.SetAttribute("autocomplete", "off");
        input.SetAttribute("aria-controls", "book-search-results");
        search.AppendChild(input);
        var results = El("ol", "search-results");
        results.Id = "book-search-results";
        results.SetAttribute("aria-live", "polite");
        results.SetAttribute("hidden", "");
        search.AppendChild(results);
        nav.AppendChild(search);

        var list = El("ol", "book-chapters");
        IElement? group = null;
        foreach (var page in pub.Pages.Where(p => p.PageName != "index"))
        {
            var chapter = page.Chapter;
            if (chapter is { OpensPart: true } || chapter is { OpensAppendices: true })
            {
                var part = El("li", chapter.Appendix ? "part appendices" : "part");
                part.AppendChild(El("span", "part-title", chapter.Appendix ? "Appendices" : chapter.Part!));
                group = El("ol");
                part.AppendChild(group);
                list.AppendChild(part);
            }
            else if (chapter is { Part: null, Appendix: false }) group = null;
            (group ?? list).AppendChild(ChapterItem(page));
        }
        nav.AppendChild(list);
        return nav;
    }

    private IElement ChapterItem(Document page)
    {
        var current = ReferenceEquals(page, _page) || page.PageName == _page.PageName;
        var li = El("li", current ? "chapter current" : "chapter");
        var row = El("div", "chapter-row");
        var a = El("a");
        a.SetAttribute("href", page.PageName + ".html");
        if (current) a.SetAttribute("aria-current", "page");
        if (page.Chapter is { } c) a.AppendChild(El("span", "chapnum", c.Number));
        AppendInlines(a, Presentation.PageTitleInlines(page), inToc: true);
        row.AppendChild(a);
        li.AppendChild(row);
        if (!current) return li;
        var top = Presentation.TopHeadingLevel(page);
        var headings = page.Blocks.OfType<Heading>().Where(h => h.Level <= top + 1).ToList();
        if (headings.Count == 0) return li;
        var toggle = El("button", "section-toggle");
        toggle.SetAttribute("type", "button");
        toggle.SetAttribute("aria-expanded", "true");
        toggle.SetAttribute("aria-controls", "book-sections");
        toggle.SetAttribute("aria-label", "Show or hide this chapter's sections");
        row.AppendChild(toggle);
        var sections = El("ol", "chapter-sections");
        sections.Id = "book-sections";
        foreach (var h in headings)
        {
            var item = El("li", h.Level == top ? "section" : "section sub");
            var link = El("a");
            link.SetAttribute("href", "#" + h.Id);
            if (h.Number.Length > 0) link.AppendChild(El("span", "secnum", h.Number));
            AppendInlines(link, h.Content, inToc: true);
            item.AppendChild(link);
            sections.AppendChild(item);
        }
        li.AppendChild(sections);
        return li;
    }

    /// <summary>The book index page's contents: chapters grouped under their parts, then the appendices.</summary>
    private void BookContents(IElement list)
    {
        IElement? group = null;
        foreach (var chapter in _context.Publication.Pages.Where(p => p.PageName != "index"))
        {
            if (chapter.Chapter is { OpensPart: true } or { OpensAppendices: true })
            {
                var part = El("li", chapter.Chapter.Appendix ? "part appendices" : "part");
                part.AppendChild(El("span", "part-title", chapter.Chapter.Appendix ? "Appendices" : chapter.Chapter.Part!));
                group = El("ol");
                part.AppendChild(group);
                list.AppendChild(part);
            }
            else if (chapter.Chapter is { Part: null, Appendix: false }) group = null;
            var li = El("li", "chapter");
            var a = El("a");
            a.SetAttribute("href", chapter.PageName + ".html");
            if (chapter.Chapter is { } c) a.AppendChild(El("span", "secnum", c.Number));
            AppendInlines(a, Presentation.PageTitleInlines(chapter), inToc: true);
            li.AppendChild(a);
            (group ?? list).AppendChild(li);
        }
    }
}
