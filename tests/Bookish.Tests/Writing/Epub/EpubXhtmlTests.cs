using System.Xml.Linq;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Model;
using Bookish.Tests.Html;
using Bookish.Writing.Epub;

namespace Bookish.Tests.Writing.Epub;

/// <summary>A page the HTML writer wrote, made EPUB 3 XHTML: well-formed XML, notes as EPUB notes, links inside the book.</summary>
public sealed class EpubXhtmlTests
{
    private static readonly XNamespace X = EpubXhtml.XhtmlNs, Ops = EpubXhtml.EpubNs, Svg = EpubXhtml.SvgNs;

    private static (XDocument Xml, EpubPage Page) Convert(string markdown, Func<string, string?>? images = null)
    {
        var doc = TestDocuments.Read(markdown, "/book/ch1.md") with { PageName = "ch1" };
        var settings = new MathSettings();
        var math = new FakeMathRenderer().RenderAsync(MathCollector.Collect([doc]), settings).Result.Rendered;
        var pub = new Publication(doc.Metadata, [doc], false, "book");
        var template = File.ReadAllText(Path.Combine(Bookish.Publishing.Templates.Directory(), "epub-page.html"));
        var html = HtmlWriter.Write(doc, new HtmlWriterContext(pub, math, settings, template) { CssHref = "epub.css" });
        var page = EpubXhtml.Convert(html, new EpubPageContext("/book/ch1.md", new Dictionary<string, string> { ["ch1"] = "ch1.xhtml", ["ch2"] = "ch2.xhtml" })
        {
            ImageName = images ?? (_ => null),
        });
        return (XDocument.Parse(page.Xhtml), page);
    }

    [Fact]
    public void The_page_is_well_formed_xhtml_with_every_svg_in_the_svg_namespace()
    {
        var (xml, page) = Convert("# Größen\n\nThe map $f : x \\mapsto x^2$ — and a display:\n\n$$\\int_0^1 x\\,dx = \\tfrac12$$\n");
        Assert.Equal(X + "html", xml.Root!.Name);
        Assert.Equal("en", xml.Root.Attribute(XNamespace.Xml + "lang")?.Value);
        var svgs = xml.Descendants(Svg + "svg").ToList();
        Assert.Equal(3, svgs.Count); // the glyph definitions, the inline and the display equation
        Assert.Empty(xml.Descendants(X + "svg"));
        Assert.True(page.HasSvg);
        Assert.Empty(xml.Descendants(X + "script"));
        Assert.Contains(xml.Descendants(X + "h2"), h => h.Value.Contains("Größen"));
    }

    [Fact]
    public void A_footnote_becomes_an_epub_footnote_aside_called_by_a_noteref()
    {
        var (xml, _) = Convert("Text with a note.[^1]\n\n[^1]: The note, with $x$.\n");
        var noteref = xml.Descendants(X + "a").Single(a => (string?)a.Attribute(Ops + "type") == "noteref");
        Assert.Equal("#fn-1", noteref.Attribute("href")!.Value);
        var aside = xml.Descendants(X + "aside").Single();
        Assert.Equal("footnote", aside.Attribute(Ops + "type")!.Value);
        Assert.Equal("fn-1", aside.Attribute("id")!.Value);
        Assert.Contains("The note, with", aside.Value);
        Assert.Equal("#fnref-1", aside.Descendants(X + "a").First().Attribute("href")!.Value);
        Assert.Equal("footnotes", aside.Parent!.Attribute(Ops + "type")!.Value);
    }

    [Fact]
    public void A_sidenote_becomes_an_epub_footnote_without_its_checkbox()
    {
        var (xml, _) = Convert("Text.[^side-a]\n\n[^side-a]: In the margin: $e^{i\\pi}$.\n");
        Assert.Empty(xml.Descendants(X + "input"));
        Assert.Empty(xml.Descendants(X + "label"));
        var noteref = xml.Descendants(X + "a").Single(a => (string?)a.Attribute(Ops + "type") == "noteref");
        var target = noteref.Attribute("href")!.Value.TrimStart('#');
        var aside = xml.Descendants(X + "aside").Single(a => (string?)a.Attribute("id") == target);
        Assert.Contains("In the margin", aside.Value);
        Assert.Single(aside.Descendants(Svg + "svg"));
    }

    [Fact]
    public void Links_between_pages_go_to_the_xhtml_files_and_web_links_stay()
    {
        var (xml, page) = Convert("See [the next chapter](ch2.html#sec:x), [the web](https://example.org/a.html) and [data](data.csv).\n");
        var hrefs = xml.Descendants(X + "a").Select(a => a.Attribute("href")?.Value).ToList();
        Assert.Contains("ch2.xhtml#sec:x", hrefs);
        Assert.Contains("https://example.org/a.html", hrefs);
        Assert.DoesNotContain("data.csv", hrefs);
        Assert.Contains("data", xml.Descendants(X + "span").Single(s => (string?)s.Attribute("class") == "unlinked").Value);
        var warning = Assert.Single(page.Diagnostics);
        Assert.Equal("BK7104", warning.Id);
        Assert.Equal(1, warning.Span.Line);
    }

    [Fact]
    public void Images_take_their_name_in_the_book_and_web_images_become_links()
    {
        var (xml, page) = Convert("![A plot](img/plot.png)\n\nInline ![icon](https://example.org/i.png) here, and ![scan](scan.tiff).\n",
            src => src switch { "img/plot.png" => "img/plot.png", "scan.tiff" => "scan.tiff", _ => null });
        var img = xml.Descendants(X + "img").Single();
        Assert.Equal("img/plot.png", img.Attribute("src")!.Value);
        Assert.Equal(["img/plot.png"], page.Images);
        Assert.Contains(xml.Descendants(X + "a"), a => (string?)a.Attribute("href") == "https://example.org/i.png" && a.Value == "icon");
        Assert.Equal(["BK7102", "BK7105"], page.Diagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void Ids_are_unique_within_the_page()
    {
        var (xml, _) = Convert("# A {#sec:a}\n\n$x$ and $x$ again.[^1]\n\n\\begin{equation}\na = b \\label{eq:a}\n\\end{equation}\n\n[^1]: $x$.\n");
        var ids = xml.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
