using AngleSharp.Html.Parser;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Model;

namespace Bookish.Tests.Html;

public sealed class HtmlWriterTests
{
    private const string Template = "<!DOCTYPE html><html><head><title data-slot=\"title\"></title><meta name=\"description\" data-slot=\"description\"><link rel=\"stylesheet\" data-slot=\"css\"></head><body><svg data-slot=\"glyphs\"><defs></defs></svg><header data-slot=\"header\"></header><nav data-slot=\"toc\"></nav><article data-slot=\"body\"></article></body></html>";

    private static AngleSharp.Html.Dom.IHtmlDocument Write(string markdown)
    {
        var doc = TestDocuments.Read(markdown);
        var settings = new MathSettings();
        var math = new FakeMathRenderer().RenderAsync(MathCollector.Collect([doc]), settings).Result.Rendered;
        var pub = new Publication(doc.Metadata, [doc], false, "doc");
        var html = HtmlWriter.Write(doc, new HtmlWriterContext(pub, math, settings, Template));
        return new HtmlParser().ParseDocument(html);
    }

    [Fact]
    public void Inline_math_is_an_svg_sized_in_em_and_lowered_by_its_depth()
    {
        var page = Write("A $x^2$ b.");
        var span = page.QuerySelector("span.math.inline")!;
        Assert.Equal("x^2", span.GetAttribute("data-tex"));
        Assert.Equal("x squared", span.GetAttribute("aria-label"));
        var style = span.QuerySelector("svg")!.GetAttribute("style");
        Assert.Equal("width:1.5em;height:1.05em;vertical-align:-0.25em", style);
    }

    [Fact]
    public void Repeated_glyph_outlines_are_defined_once_for_the_page()
    {
        var page = Write("$a$ $b$ $c$\n\n$$d$$");
        var defs = page.QuerySelectorAll("svg.glyphs path, body > svg path[id]");
        Assert.Single(defs);
        var id = defs[0].Id;
        Assert.All(page.QuerySelectorAll(".math use"), u => Assert.Equal("#" + id, u.GetAttribute("href")));
    }

    [Fact]
    public void Numbered_display_math_shows_its_number_and_anchor()
    {
        var page = Write("\\begin{equation}\nE = mc^2 \\label{eq:e}\n\\end{equation}\n\nSee \\eqref{eq:e}.");
        var eq = page.QuerySelector("div.math.display")!;
        Assert.Equal("eq:e", eq.Id);
        Assert.Equal("eq-1", eq.QuerySelector(".id-alias")!.Id);
        Assert.Equal("(1)", eq.QuerySelector(".eqno")!.TextContent.Trim());
        var xref = page.QuerySelector("a.xref")!;
        Assert.Equal("#eq:e", xref.GetAttribute("href"));
        Assert.Equal("(1)", xref.TextContent);
    }

    [Fact]
    public void Title_block_and_metadata_come_from_front_matter()
    {
        var page = Write("---\ntitle: T & U\nauthors: [Ann, Bob]\ndescription: D\nurl: https://x.org/a\n---\n\n# S1\n\ntext\n\n# S2\n");
        Assert.Equal("T & U", page.Title);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("Ann and Bob", page.QuerySelector(".authors")!.TextContent);
        Assert.Equal("https://x.org/a", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("T & U", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal(2, page.QuerySelectorAll("nav a").Length);
    }

    [Fact]
    public void A_fragment_without_rendering_shows_an_error_marker()
    {
        var doc = TestDocuments.Read("A $x$ b.");
        var settings = new MathSettings();
        var pub = new Publication(doc.Metadata, [doc], false, "doc");
        var html = HtmlWriter.Write(doc, new HtmlWriterContext(pub, new Dictionary<string, RenderedMath>(), settings, Template));
        var span = new HtmlParser().ParseDocument(html).QuerySelector("span.math")!;
        Assert.Contains("error", span.ClassList);
        Assert.Equal("$x$", span.TextContent);
    }
}
