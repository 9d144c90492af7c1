using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Bookish.Writing.Epub;

/// <summary>
/// Writes an <see cref="EpubBook"/> as an EPUB 3 container: <c>mimetype</c> first and stored, then
/// <c>META-INF/container.xml</c>, the package document, the navigation document, the cover page and the content.
/// Pure: the book comes in, the bytes of the <c>.epub</c> go out (the same book gives the same bytes).
/// </summary>
internal static partial class EpubWriter
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf", Dc = "http://purl.org/dc/elements/1.1/",
        X = EpubXhtml.XhtmlNs, Ops = EpubXhtml.EpubNs, Container = "urn:oasis:names:tc:opendocument:xmlns:container";
    private const string NavName = "nav.xhtml", CoverPage = "cover.xhtml", PackageName = "content.opf";

    public static byte[] Write(EpubBook book)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            var time = book.Metadata.Modified;
            void Add(string name, byte[] bytes, CompressionLevel level = CompressionLevel.Optimal)
            {
                var entry = zip.CreateEntry(name, level);
                entry.LastWriteTime = time;
                using var s = entry.Open();
                s.Write(bytes);
            }
            Add("mimetype", Encoding.ASCII.GetBytes("application/epub+zip"), CompressionLevel.NoCompression);
            Add("META-INF/container.xml", Xml(new XDocument(new XElement(Container + "container", new XAttribute("version", "1.0"),
                new XElement(Container + "rootfiles", new XElement(Container + "rootfile",
                    new XAttribute("full-path", EpubPaths.ContentFolder + "/" + PackageName), new XAttribute("media-type", "application/oebps-package+xml")))))));
            Add(Content(PackageName), Xml(Package(book)));
            Add(Content(NavName), Xhtml(Navigation(book)));
            Add(Content(NcxName), Xml(NcxDocument(book)));
            if (book.Cover is { } cover)
            {
                Add(Content(CoverPage), Xhtml(CoverDocument(book, cover)));
                Add(Content(cover.Name), cover.Bytes, CompressionLevel.NoCompression);
            }
            foreach (var page in book.Pages) Add(Content(page.Name), Encoding.UTF8.GetBytes(page.Xhtml));
            foreach (var resource in book.Resources)
                Add(Content(resource.Name), resource.Bytes, resource.MediaType is "image/png" or "image/jpeg" or "image/gif" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
        }
        return stream.ToArray();
    }

    private static string Content(string name) => EpubPaths.ContentFolder + "/" + name;

    private static byte[] Xml(XDocument document)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append(document.Root!.ToString(SaveOptions.None)).Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Xhtml(XElement html)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
        sb.Append(html.ToString(SaveOptions.None)).Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>The package document: metadata, every file with its type, and the reading order.</summary>
    private static XDocument Package(EpubBook book)
    {
        var m = book.Metadata;
        var metadata = new XElement(Opf + "metadata", new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XElement(Dc + "identifier", new XAttribute("id", "book-id"), m.Identifier),
            new XElement(Dc + "title", new XAttribute("id", "title"), m.Title),
            new XElement(Opf + "meta", new XAttribute("refines", "#title"), new XAttribute("property", "title-type"), "main"));
        if (m.Subtitle is { Length: > 0 } subtitle)
            metadata.Add(new XElement(Dc + "title", new XAttribute("id", "subtitle"), subtitle),
                new XElement(Opf + "meta", new XAttribute("refines", "#subtitle"), new XAttribute("property", "title-type"), "subtitle"));
        for (var i = 0; i < m.Creators.Count; i++)
            metadata.Add(new XElement(Dc + "creator", new XAttribute("id", $"creator-{i + 1}"), m.Creators[i]),
                new XElement(Opf + "meta", new XAttribute("refines", $"#creator-{i + 1}"), new XAttribute("property", "role"), new XAttribute("scheme", "marc:relators"), "aut"));
        metadata.Add(new XElement(Dc + "language", m.Language));
        if (m.Date is { Length: > 0 } date) metadata.Add(new XElement(Dc + "date", date));
        if (m.Description is { Length: > 0 } description) metadata.Add(new XElement(Dc + "description", description));
        if (m.Rights is { Length: > 0 } rights) metadata.Add(new XElement(Dc + "rights", rights));
        metadata.Add(new XElement(Opf + "meta", new XAttribute("property", "dcterms:modified"),
            m.Modified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        if (book.Cover is not null) metadata.Add(new XElement(Opf + "meta", new XAttribute("name", "cover"), new XAttribute("content", "cover-image")));

        var taken = new HashSet<string>(StringComparer.Ordinal) { "nav", "ncx", "cover", "cover-image", "css" };
        var manifest = new XElement(Opf + "manifest",
            Item("nav", NavName, "application/xhtml+xml", "nav"),
            Item("ncx", NcxName, "application/x-dtbncx+xml", null));
        // toc: the EPUB 2 table of contents, for older reading systems.
        var spine = new XElement(Opf + "spine", new XAttribute("toc", "ncx"));
        if (book.Cover is { } cover)
        {
            manifest.Add(Item("cover", CoverPage, "application/xhtml+xml", null), Item("cover-image", cover.Name, cover.MediaType, "cover-image"));
            spine.Add(ItemRef("cover", linear: false));
        }
        for (var i = 0; i < book.Pages.Count; i++)
        {
            if (i == book.NavAfter) spine.Add(ItemRef("nav"));
            var page = book.Pages[i];
            var id = EpubPaths.Id(Path.GetFileNameWithoutExtension(page.Name), taken);
            manifest.Add(Item(id, page.Name, "application/xhtml+xml", page.HasSvg ? "svg" : null));
            spine.Add(ItemRef(id));
        }
        if (book.NavAfter >= book.Pages.Count) spine.Add(ItemRef("nav"));
        foreach (var resource in book.Resources)
            manifest.Add(Item(resource.Name == book.StyleSheet ? "css" : EpubPaths.Id(resource.Name, taken), resource.Name, resource.MediaType, null));

        return new XDocument(new XElement(Opf + "package",
            new XAttribute("version", "3.0"), new XAttribute("unique-identifier", "book-id"), new XAttribute(XNamespace.Xml + "lang", m.Language),
            metadata, manifest, spine));
    }

    private static XElement Item(string id, string name, string mediaType, string? properties)
    {
        var item = new XElement(Opf + "item", new XAttribute("id", id), new XAttribute("href", EpubPaths.Href(name)), new XAttribute("media-type", mediaType));
        if (properties is not null) item.Add(new XAttribute("properties", properties));
        return item;
    }

    private static XElement ItemRef(string id, bool linear = true)
    {
        var itemref = new XElement(Opf + "itemref", new XAttribute("idref", id));
        if (!linear) itemref.Add(new XAttribute("linear", "no"));
        return itemref;
    }
}
