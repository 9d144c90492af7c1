using System.Xml.Linq;

namespace Bookish.Writing.Epub;

internal static partial class EpubWriter
{
    /// <summary>
    /// The navigation document: the contents (<c>epub:type="toc"</c>: every page and its sections, the order of the
    /// book) shown as a page, and the landmarks reading systems use to open the cover, the contents or the text.
    /// </summary>
    private static XElement Navigation(EpubBook book)
    {
        var toc = new XElement(X + "nav", new XAttribute(Ops + "type", "toc"), new XAttribute("id", "toc"), new XAttribute("role", "doc-toc"),
            new XElement(X + "h1", "Contents"), NavList(book.Contents));
        var landmarks = new XElement(X + "ol");
        void Landmark(string type, string href, string text) =>
            landmarks.Add(new XElement(X + "li", new XElement(X + "a", new XAttribute(Ops + "type", type), new XAttribute("href", href), text)));
        if (book.Cover is not null) Landmark("cover", CoverPage, "Cover");
        if (book.Pages.FirstOrDefault(p => p.Landmark == "titlepage") is { } title) Landmark("titlepage", EpubPaths.Href(title.Name), "Title page");
        Landmark("toc", NavName + "#toc", "Contents");
        if (book.Pages.FirstOrDefault(p => p.Landmark == "bodymatter") is { } body) Landmark("bodymatter", EpubPaths.Href(body.Name), "Start of the text");
        var nav = new XElement(X + "nav", new XAttribute(Ops + "type", "landmarks"), new XAttribute("hidden", "hidden"),
            new XElement(X + "h2", "Landmarks"), landmarks);
        return Page(book, "Contents", "contents", toc, nav);
    }

    private static XElement NavList(IReadOnlyList<EpubNavEntry> entries) =>
        new(X + "ol", entries.Select(e =>
        {
            var li = new XElement(X + "li", new XElement(X + "a", new XAttribute("href", e.Href), e.Title));
            if (e.Children.Count > 0) li.Add(NavList(e.Children));
            return li;
        }));

    /// <summary>The cover page: the cover picture, full height, with the book's title as its text.</summary>
    private static XElement CoverDocument(EpubBook book, EpubResource cover) =>
        Page(book, book.Metadata.Title, "cover",
            new XElement(X + "section", new XAttribute(Ops + "type", "cover"), new XAttribute("class", "cover"),
                new XElement(X + "img", new XAttribute("src", EpubPaths.Href(cover.Name)), new XAttribute("alt", "Cover: " + book.Metadata.Title))));

    private static XElement Page(EpubBook book, string title, string bodyClass, params object[] content) =>
        new(X + "html", new XAttribute(XNamespace.Xmlns + "epub", Ops), new XAttribute("lang", book.Metadata.Language), new XAttribute(XNamespace.Xml + "lang", book.Metadata.Language),
            new XElement(X + "head",
                new XElement(X + "meta", new XAttribute("charset", "utf-8")),
                new XElement(X + "title", title),
                new XElement(X + "link", new XAttribute("rel", "stylesheet"), new XAttribute("href", EpubPaths.Href(book.StyleSheet)))),
            new XElement(X + "body", new XAttribute("class", bodyClass), content));
}
