using System.Xml.Linq;

namespace Bookish.Writing.Epub;

internal static partial class EpubWriter
{
    private static readonly XNamespace Ncx = "http://www.daisy.org/z3986/2005/ncx/";
    private const string NcxName = "toc.ncx";

    /// <summary>
    /// The EPUB 2 table of contents (<c>toc.ncx</c>) for reading systems older than EPUB 3's navigation document: the
    /// same contents tree, as navigation points numbered in reading order, bound to the package's identifier.
    /// </summary>
    private static XDocument NcxDocument(EpubBook book)
    {
        var order = 0;
        var depth = 0;
        IEnumerable<XElement> Points(IReadOnlyList<EpubNavEntry> entries, int level)
        {
            depth = Math.Max(depth, level);
            foreach (var e in entries)
            {
                order++;
                yield return new XElement(Ncx + "navPoint", new XAttribute("id", $"navpoint-{order}"), new XAttribute("playOrder", order),
                    new XElement(Ncx + "navLabel", new XElement(Ncx + "text", e.Title)),
                    new XElement(Ncx + "content", new XAttribute("src", e.Href)),
                    Points(e.Children, level + 1).ToList());
            }
        }
        var navMap = new XElement(Ncx + "navMap", Points(book.Contents, 1).ToList());
        return new XDocument(new XElement(Ncx + "ncx", new XAttribute("version", "2005-1"), new XAttribute(XNamespace.Xml + "lang", book.Metadata.Language),
            new XElement(Ncx + "head",
                Meta("dtb:uid", book.Metadata.Identifier),
                Meta("dtb:depth", Math.Max(1, depth).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Meta("dtb:totalPageCount", "0"),
                Meta("dtb:maxPageNumber", "0")),
            new XElement(Ncx + "docTitle", new XElement(Ncx + "text", book.Metadata.Title)),
            navMap));
        static XElement Meta(string name, string content) => new(Ncx + "meta", new XAttribute("name", name), new XAttribute("content", content));
    }
}
