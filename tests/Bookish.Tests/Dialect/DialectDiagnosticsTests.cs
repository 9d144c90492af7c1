using Bookish.Diagnostics;
using Bookish.Model;
using Xunit;

namespace Bookish.Tests.Dialect;

public sealed class DialectDiagnosticsTests
{
    private const string Head = "<chapter title=\"T\">\n\n";

    [Theory]
    [InlineData("Some $x text.\n", "BK1003", 3, 6)]
    [InlineData("See [nolabel] here.\n", "BK1004", 3, 5)]
    [InlineData("<aside title=\"A\">\nText.\n", "BK1100", 3, 1)]
    [InlineData("Text.\n\n</ol>\n", "BK1100", 5, 1)]
    [InlineData("<section title=\"S\"\n", "BK1100", 3, 1)]
    [InlineData("<latex>\nx\n", "BK1100", 3, 1)]
    [InlineData("<li>item\n", "BK1100", 3, 1)]
    [InlineData("<table>\n<tr><td>a\n", "BK1100", 3, 1)]
    [InlineData("<ol>\n<li>a\n", "BK1100", 3, 1)]
    [InlineData("Text \\first{never closed\n", "BK1100", 3, 6)]
    [InlineData("<section>\n", "BK1100", 3, 1)]
    [InlineData("<img alt=\"x\">\n", "BK1100", 3, 1)]
    [InlineData("<!-- open comment\n", "BK1100", 3, 1)]
    [InlineData("<site label=\"s\">\n", "BK1100", 3, 1)]
    public void A_syntax_error_is_reported_with_its_id_and_position(string body, string id, int line, int column)
    {
        var (_, diagnostics) = DialectFixture.ReadChapter(Head + body);
        Assert.Contains(diagnostics, d => d.Id == id && d.IsError && d.Span.Line == line && d.Span.Column == column && d.Span.Path.EndsWith("c.xml"));
    }

    [Fact]
    public void A_chapter_file_must_start_with_a_chapter_tag()
    {
        var (_, diagnostics) = DialectFixture.ReadChapter("Just text.\n");
        Assert.Contains(diagnostics, d => d is { Id: "BK1100", IsError: true, Span.Line: 1, Span.Column: 1 });
    }

    [Fact]
    public void Every_error_is_reported_in_one_run_and_the_rest_is_still_read()
    {
        var (publication, diagnostics) = DialectFixture.ReadChapter(Head + "A $x.\n\nSee [nope].\n\n</ul>\n\n<section title=\"Later\">\n\nStill read $y$.\n");
        Assert.Equal(["BK1003", "BK1004", "BK1100"], diagnostics.Where(d => d.IsError).Select(d => d.Id).Order());
        var page = Assert.Single(publication.Pages);
        Assert.Contains(page.Blocks.OfType<Heading>(), h => ModelWalk.Text(h.Content) == "Later");
        Assert.Contains(ModelWalk.AllInlines(page.Blocks).OfType<MathInline>(), m => m.Tex == "y");
    }

    [Fact]
    public void A_missing_include_is_reported_at_the_include_tag()
    {
        var (_, diagnostics) = DialectFixture.ReadChapter(Head + "x\n", rootExtra: "<include file=\"missing.xml\">");
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.MissingInclude && d.Span.Path.EndsWith("article.xml") && d.Span.Line == 3);
    }

    [Fact]
    public void A_backslash_bracket_without_its_closer_is_a_literal_bracket_with_a_warning()
    {
        var (publication, diagnostics) = DialectFixture.ReadChapter(Head + "a \\[ b\n");
        Assert.Contains(diagnostics, d => d is { Id: "BK1003", Severity: Severity.Warning });
        Assert.Equal("a [ b", ModelWalk.Text(Assert.IsType<Paragraph>(Assert.Single(publication.Pages).Blocks[0]).Content));
    }

    [Fact]
    public void Truncated_or_garbled_input_never_throws()
    {
        var text = File.ReadAllText(Corpus.MatrixCalculusIndex);
        for (var cut = 0; cut < text.Length; cut += 4999)
        {
            DialectFixture.ReadChapter(text[..cut]);
            DialectFixture.ReadChapter(text[..cut] + "<<$\\[{[" + text[(cut + 1)..Math.Min(text.Length, cut + 3000)]);
        }
    }
}
