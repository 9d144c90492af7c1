using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;

namespace Bookish.IntegrationTests.Pipeline;

public sealed partial class ContentArticleTests(ContentArticleFixture fixture) : IClassFixture<ContentArticleFixture>
{
    private AngleSharp.Html.Dom.IHtmlDocument Page() =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(fixture.Output, "index.html")));

    [GeneratedRegex(@"^width:([0-9.]+)em;height:([0-9.]+)em(;vertical-align:(-?[0-9.]+)em)?$")]
    private static partial Regex EmStyle();

    [Fact]
    public void The_content_article_builds_without_diagnostics()
    {
        Assert.Empty(fixture.Result.Diagnostics);
        Assert.True(fixture.Result.MathFragments >= 40, $"only {fixture.Result.MathFragments} distinct equations");
        Assert.Equal(fixture.Result.MathFragments, fixture.Result.MathRendered);
    }

    [Fact]
    public void Every_equation_is_an_svg_sized_in_em_and_inline_math_has_a_baseline_offset()
    {
        var page = Page();
        var inline = page.QuerySelectorAll("span.math.inline");
        var display = page.QuerySelectorAll("div.math.display");
        Assert.True(inline.Length + display.Length >= 40);
        foreach (var m in inline)
        {
            var svg = m.QuerySelector("svg");
            Assert.NotNull(svg);
            var style = EmStyle().Match(svg!.GetAttribute("style") ?? "");
            Assert.True(style.Success && style.Groups[3].Success, "inline math without em size and baseline offset: " + m.GetAttribute("data-tex"));
            Assert.True(double.Parse(style.Groups[1].Value, CultureInfo.InvariantCulture) > 0);
            // Accessible either as MathML (with its spoken alttext) or, where KaTeX declined, as an image named in words.
            Assert.True(!string.IsNullOrEmpty(m.QuerySelector("math")?.GetAttribute("alttext")) || !string.IsNullOrEmpty(m.GetAttribute("aria-label")),
                "inline math neither MathML nor named: " + m.GetAttribute("data-tex"));
        }
        foreach (var m in display)
            Assert.Matches(EmStyle(), m.QuerySelector("svg")!.GetAttribute("style") ?? "");
        Assert.Empty(page.QuerySelectorAll(".math.error"));
    }

    [Fact]
    public void Depth_of_a_fraction_comes_from_TeX_not_from_the_ink()
    {
        // \frac{df}{dx} in the article: TeX's box for a display fraction is deeper than zero and taller than an x.
        var svg = Page().QuerySelectorAll("span.math.inline").First(m => m.GetAttribute("data-tex") == @"\frac{\partial f}{\partial x_i}").QuerySelector("svg")!;
        var m = EmStyle().Match(svg.GetAttribute("style")!);
        var depth = -double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
        Assert.InRange(depth, 0.3, 0.7);
    }

    [Fact]
    public void The_pdf_contains_every_heading()
    {
        Assert.NotNull(fixture.Result.PdfPath);
        var words = PdfText.Normalize(PdfText.Words(fixture.Result.PdfPath!));
        var headings = Page().QuerySelectorAll("main h2, main h3").Select(h => h.Clone(true) as AngleSharp.Dom.IElement).ToList();
        Assert.NotEmpty(headings);
        foreach (var h in headings)
        {
            foreach (var junk in h!.QuerySelectorAll(".anchor, .secnum, .math").ToList()) junk.Remove();
            Assert.Contains(PdfText.Normalize(h.TextContent), words);
        }
        Assert.Contains("Derivatives of Vector Functions, a Working Primer", words);
    }

    [Fact]
    public void Equation_numbers_in_the_pdf_match_the_html()
    {
        var html = Page().QuerySelectorAll(".math.display .eqno span:not(.rows), .math.display .eqno text").Select(s => s.TextContent.Trim()).ToList();
        Assert.True(html.Count >= 8);
        var words = PdfText.Words(fixture.Result.PdfPath!);
        var pdfNumbers = Regex.Matches(words, @"\((\d+)\)").Select(m => m.Value).Distinct().ToList();
        foreach (var n in html) Assert.Contains(n, pdfNumbers);
    }

    [Fact]
    public void Keep_tex_leaves_the_generated_latex_beside_the_pdf() =>
        Assert.True(File.Exists(Path.Combine(fixture.Output, "vector-derivatives.tex")));

    [Fact]
    public void The_notation_table_has_the_same_rows_in_the_html_and_the_pdf()
    {
        var rows = Page().QuerySelectorAll("table.notation-table tbody tr").ToList();
        Assert.True(rows.Count >= 10, $"{rows.Count} notation rows");
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector(".math svg")));
        // The parity check reads both outputs' notation tables (HTML rows, PDF table titled "Notation", hyphenation
        // at line ends joined) and compares them row by row.
        var report = Bookish.Checks.Parity.ParityChecker.Compare(fixture.Output, fixture.Result.PdfPath!);
        Assert.Null(report.InputError);
        Assert.DoesNotContain(report.Differences, d => d.Kind == Bookish.Checks.Parity.ParityKind.Notation);
        var words = PdfText.Normalize(PdfText.Words(fixture.Result.PdfPath!));
        Assert.Contains("Symbol Meaning Kind Shape", words);
        Assert.Contains("input vector", words);
    }

    [Fact]
    public void Plots_are_inline_svg_figures_with_numbered_captions_in_both_outputs()
    {
        var plots = Page().QuerySelectorAll("figure.plot").ToList();
        Assert.Equal(2, plots.Count);
        Assert.All(plots, p => Assert.NotNull(p.QuerySelector("svg[viewBox]")));
        Assert.Equal("Figure 1:", plots[0].QuerySelector(".fig-label")!.TextContent);
        var words = PdfText.Normalize(PdfText.Words(fixture.Result.PdfPath!));
        Assert.Contains("Figure 1: The rectified linear unit and its derivative", words);
        Assert.Contains("Figure 2: The logistic sigmoid", words);
    }

    [Fact]
    public void Check_blocks_are_verified_in_the_page()
    {
        var verdicts = Page().QuerySelectorAll(".check").Select(c => c.GetAttribute("data-verdict")).ToList();
        Assert.True(verdicts.Count >= 3);
        Assert.All(verdicts, v => Assert.Equal("verified", v));
    }

    [Fact]
    public void Citations_are_numbered_and_the_reference_list_is_in_both_outputs()
    {
        var page = Page();
        var citations = page.QuerySelectorAll("span.citation").Select(c => c.TextContent).ToList();
        Assert.Equal(["[1]", "[2]"], citations);
        var entries = page.QuerySelectorAll("section.references li").Select(li => PdfText.Normalize(li.TextContent)).ToList();
        Assert.Equal(2, entries.Count);
        var words = PdfText.Normalize(PdfText.Words(fixture.Result.PdfPath!));
        var references = words.LastIndexOf("References", StringComparison.Ordinal);
        Assert.True(references > 0);
        Assert.Contains("1. " + entries[0], words[references..]);
        Assert.Contains("2. " + entries[1], words[references..]);
    }
}
