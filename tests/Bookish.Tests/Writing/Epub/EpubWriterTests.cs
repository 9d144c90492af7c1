using System.IO.Compression;
using System.Xml.Linq;
using Bookish.Writing.Epub;

namespace Bookish.Tests.Writing.Epub;

/// <summary>The container: mimetype first and stored, the package document, the navigation document, stable identity.</summary>
public sealed class EpubWriterTests
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf", Dc = "http://purl.org/dc/elements/1.1/", X = EpubXhtml.XhtmlNs, Ops = EpubXhtml.EpubNs;

    private static EpubBook Book() => new(
        new EpubMetadata("Ünïcode & Friends", ["Ann Author", "Bob"], "de", "urn:uuid:00000000-0000-5000-8000-000000000000", new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)) { Date = "2026-11-30" },
        [
            new EpubDocument("index.xhtml", "Title", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head><body/></html>", false) { Landmark = "titlepage" },
            new EpubDocument("one.xhtml", "One", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>1</title></head><body><svg xmlns=\"http://www.w3.org/2000/svg\"/></body></html>", true) { Landmark = "bodymatter" },
        ],
        [new EpubNavEntry("Title", "index.xhtml", []), new EpubNavEntry("One", "one.xhtml", [new EpubNavEntry("1.1 Start", "one.xhtml#start", [])])],
        [new EpubResource("images/a plot.png", "image/png", [1, 2, 3]), new EpubResource("epub.css", "text/css", "body{}"u8.ToArray())])
    {
        NavAfter = 1,
        Cover = new EpubResource("cover-image.png", "image/png", [4, 5]),
    };

    [Fact]
    public void The_mimetype_is_the_first_entry_stored_uncompressed_without_extra_fields()
    {
        var bytes = EpubWriter.Write(Book());
        // Local file header: signature, version, flags, method 0 (stored), ..., name length 8, extra length 0, "mimetype".
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), bytes[..4]);
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 8));
        Assert.Equal(8, BitConverter.ToUInt16(bytes, 26));
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 28));
        Assert.Equal("mimetypeapplication/epub+zip", System.Text.Encoding.ASCII.GetString(bytes, 30, 28));
    }

    [Fact]
    public void The_package_lists_metadata_every_file_and_the_reading_order()
    {
        using var zip = new ZipArchive(new MemoryStream(EpubWriter.Write(Book())));
        var container = XDocument.Load(zip.GetEntry("META-INF/container.xml")!.Open());
        Assert.Contains(container.Descendants(), e => (string?)e.Attribute("full-path") == "OEBPS/content.opf");
        var opf = XDocument.Load(zip.GetEntry("OEBPS/content.opf")!.Open());
        Assert.Equal("Ünïcode & Friends", opf.Descendants(Dc + "title").First().Value);
        Assert.Equal(["Ann Author", "Bob"], opf.Descendants(Dc + "creator").Select(c => c.Value));
        Assert.Equal("de", opf.Descendants(Dc + "language").Single().Value);
        Assert.Equal("2026-11-30T12:00:00Z", opf.Descendants(Opf + "meta").Single(m => (string?)m.Attribute("property") == "dcterms:modified").Value);
        var items = opf.Descendants(Opf + "item").ToDictionary(i => i.Attribute("href")!.Value);
        Assert.Equal("nav", items["nav.xhtml"].Attribute("properties")!.Value);
        Assert.Equal("svg", items["one.xhtml"].Attribute("properties")!.Value);
        Assert.Null(items["index.xhtml"].Attribute("properties"));
        Assert.Equal("cover-image", items["cover-image.png"].Attribute("properties")!.Value);
        Assert.True(items.ContainsKey("images/a%20plot.png"));
        Assert.NotNull(zip.GetEntry("OEBPS/images/a plot.png"));
        var spine = opf.Descendants(Opf + "itemref").Select(i => items.Values.Single(it => it.Attribute("id")!.Value == i.Attribute("idref")!.Value).Attribute("href")!.Value);
        Assert.Equal(["cover.xhtml", "index.xhtml", "nav.xhtml", "one.xhtml"], spine);
    }

    [Fact]
    public void The_navigation_document_has_the_contents_and_the_landmarks()
    {
        using var zip = new ZipArchive(new MemoryStream(EpubWriter.Write(Book())));
        var nav = XDocument.Load(zip.GetEntry("OEBPS/nav.xhtml")!.Open());
        var navs = nav.Descendants(X + "nav").ToDictionary(n => n.Attribute(Ops + "type")!.Value);
        Assert.Equal(["Title", "One", "1.1 Start"], navs["toc"].Descendants(X + "a").Select(a => a.Value));
        Assert.Equal(["cover", "titlepage", "toc", "bodymatter"], navs["landmarks"].Descendants(X + "a").Select(a => a.Attribute(Ops + "type")!.Value));
    }

    [Fact]
    public void The_same_book_gives_the_same_bytes()
    {
        Assert.Equal(EpubWriter.Write(Book()), EpubWriter.Write(Book()));
    }

    [Theory]
    [InlineData("https://example.org/", "527dda32-a0de-5105-a042-cb475b5f7d11")]
    [InlineData("bookish:Gradients in Three Short Chapters\neb", "d4a5aea4-32c9-56f7-aa50-1e5504ea5652")]
    public void Derived_identifiers_are_rfc_4122_name_based_uuids(string name, string expected)
    {
        // Expected values from Python's uuid.uuid5(uuid.NAMESPACE_URL, name).
        Assert.Equal(expected, EpubMetadata.NameBasedUuid(name).ToString("D"));
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2026", "2026")]
    [InlineData("30 November 2026", "2026-11-30")]
    [InlineData("Nov 30, 2026", "2026-11-30")]
    [InlineData("soon", null)]
    [InlineData("2026-13-01", null)]
    public void Dates_become_w3c_dates(string written, string? expected) => Assert.Equal(expected, EpubMetadata.W3CDate(written));
}
