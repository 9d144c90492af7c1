using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Pipeline;

/// <summary>Inline raw HTML in a paragraph comes out as written in the page; in the PDF its text stays, with colour.</summary>
public sealed class InlineHtmlTests
{
    [Fact]
    public async Task Span_sup_kbd_and_br_keep_their_text_inside_them_in_the_page_and_the_text_in_the_PDF()
    {
        var path = Repo.WriteDocument("""
            # Keys

            Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy <span style="color:#286ee0">the blue words</span> and
            note E = mc<sup>2</sup> with H<sub>2</sub>O, $x^2$ inside <span class="hl">a span with $y$</span>.<br>A new line.
            """);
        var output = Path.Combine(Path.GetDirectoryName(path)!, "out");
        var result = await Publisher.BuildAsync(new BuildOptions(path) { OutputDirectory = output, UseCache = false });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);

        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        var p = html.QuerySelector("main article p")!;
        Assert.Equal(["Ctrl", "C"], p.QuerySelectorAll("kbd").Select(k => k.TextContent));
        var blue = p.QuerySelector("span[style]")!;
        Assert.Equal("the blue words", blue.TextContent);
        Assert.Contains("#286ee0", blue.GetAttribute("style"));
        Assert.Equal("2", p.QuerySelector("sup")!.TextContent);
        Assert.Equal("2", p.QuerySelector("sub")!.TextContent);
        Assert.NotNull(p.QuerySelector("span.hl .math"));
        Assert.NotNull(p.QuerySelector("br"));

        var text = PdfText.Words(result.PdfPath!);
        Assert.Contains("the blue words", text);
        Assert.Contains("Ctrl", text);
        Assert.Contains("A new line.", text);
    }
}
