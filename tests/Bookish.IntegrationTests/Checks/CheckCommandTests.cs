using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using SkiaSharp;

namespace Bookish.IntegrationTests.Checks;

/// <summary>Derivative claims and notation through the real CLI and a real build.</summary>
public sealed class CheckCommandTests
{
    private const string Erratum = """
        ---
        title: Erratum
        ---

        # Gradient

        ```check
        declare: x, y \in \mathbb{R}
        define: g(x, y) = 2x + y^8
        claim: \nabla g(x,y) = [1, 7y^8]
        ```

        ```check
        claim: \nabla g(x,y) = [2, 8y^7]
        ```
        """;

    [Fact]
    public async Task Derivcheck_refutes_the_erratum_with_a_counterexample_and_verifies_the_correction()
    {
        var wrong = await BookishProcess.RunAsync(["derivcheck", "--declare", @"x, y \in \mathbb{R}", "--define", "g(x, y) = 2x + y^8", "--claim", @"\nabla g(x,y) = [1, 7y^8]", "--format", "json"]);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("\"refuted\"", wrong.StandardOutput);
        Assert.Contains("counterexample", wrong.StandardOutput);
        var right = await BookishProcess.RunAsync(["derivcheck", "--declare", @"x, y \in \mathbb{R}", "--define", "g(x, y) = 2x + y^8", "--claim", @"\nabla g(x,y) = [2, 8y^7]"]);
        Assert.Equal(0, right.ExitCode);
        var unknown = await BookishProcess.RunAsync(["derivcheck", "--claim", @"\frac{d}{dx} \operatorname{frob}(x) = 1"]);
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public async Task A_refuted_check_block_is_an_error_at_the_claim_and_check_exits_1()
    {
        var doc = Repo.WriteDocument(Erratum);
        var r = await BookishProcess.RunAsync(["check", doc]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{doc}:10:", r.StandardOutput);
        Assert.Contains("BK4001", r.StandardOutput);
        Assert.Contains("1 verified, 1 refuted", r.StandardOutput);
        var github = await BookishProcess.RunAsync(["check", doc, "--format", "github"]);
        Assert.Contains($"::error file={doc},line=10", github.StandardOutput);
    }

    [Fact]
    public async Task The_page_shows_the_verdicts_and_embeds_the_offline_checker()
    {
        var doc = Repo.WriteDocument(Erratum);
        var dir = Path.GetDirectoryName(doc)!;
        var result = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c"), Pdf = false });
        Assert.False(result.Succeeded);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "o", "index.html")));
        var verdicts = page.QuerySelectorAll(".check").Select(c => c.GetAttribute("data-verdict")).ToList();
        Assert.Equal(["refuted", "verified"], verdicts);
        var detail = page.QuerySelectorAll(".check-detail")[0].TextContent;
        Assert.Contains("at x = ", detail);
        Assert.Contains("entry (1, 1): expected 2, claimed 1", detail);
        Assert.NotNull(page.QuerySelector("script[src='derivcheck.js']"));
        Assert.True(File.Exists(Path.Combine(dir, "o", "derivcheck.js")));
        // Definitions persist to later blocks: the second block only has a claim.
        Assert.Contains("g(x, y) = 2x + y^8", page.QuerySelectorAll(".check")[1].GetAttribute("data-context-define"));
    }

    [Fact]
    public async Task Check_lints_notation_and_reports_italic_operators_with_a_fix()
    {
        var doc = Repo.WriteDocument("# T\n\nThe $max(x, y)$ of two numbers.\n");
        var r = await BookishProcess.RunAsync(["check", doc, "--format", "json"]);
        Assert.Contains("BK5001", r.StandardOutput);
        Assert.Contains("\\\\max", r.StandardOutput);
    }

    [Fact]
    public async Task Png_equations_have_the_svg_box_and_baseline_offset()
    {
        var doc = Repo.WriteDocument("# T\n\nA $\\frac{a}{b}$ and $x_i^2$.\n\n$$\\sum_{i=1}^n x_i$$\n");
        var dir = Path.GetDirectoryName(doc)!;
        var cache = Path.Combine(dir, "c");
        await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "svg"), CacheDirectory = cache, Pdf = false });
        await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "png"), CacheDirectory = cache, Pdf = false, MathPng = true });
        var svgPage = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "svg", "index.html")));
        var pngPage = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "png", "index.html")));
        var svgs = svgPage.QuerySelectorAll(".math svg").ToList();
        var imgs = pngPage.QuerySelectorAll(".math img.math-png").ToList();
        Assert.Equal(3, imgs.Count);
        for (var i = 0; i < svgs.Count; i++)
        {
            Assert.Equal(svgs[i].GetAttribute("style"), imgs[i].GetAttribute("style"));
            var viewBox = svgs[i].GetAttribute("viewBox")!.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            using var bitmap = SKBitmap.Decode(Path.Combine(dir, "png", imgs[i].GetAttribute("src")!));
            // 2x of a 16 px em: 3.2 px per SVG point, rounded to whole pixels.
            Assert.InRange(bitmap.Width, viewBox[2] * 3.2 - 1, viewBox[2] * 3.2 + 1);
            Assert.InRange(bitmap.Height, viewBox[3] * 3.2 - 1, viewBox[3] * 3.2 + 1);
            Assert.True(bitmap.Pixels.Any(p => p.Alpha > 200), "the PNG has ink");
        }
    }

    [Fact]
    public async Task The_social_card_is_1200_by_630_and_named_by_og_image()
    {
        var doc = Repo.WriteDocument("---\ntitle: Card\nauthors: [A. Author]\n---\n\n$$ e^{i\\pi} + 1 = 0 $$\n");
        var dir = Path.GetDirectoryName(doc)!;
        await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c"), Pdf = false });
        using var card = SKBitmap.Decode(Path.Combine(dir, "o", "card.png"));
        Assert.Equal((1200, 630), (card.Width, card.Height));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "o", "index.html")));
        Assert.Equal("card.png", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        // The equation is drawn: dark pixels in the lower half, where the title is not.
        var dark = 0;
        for (var y = 330; y < 600; y += 2) for (var x = 80; x < 1120; x += 2) if (card.GetPixel(x, y).Red < 80) dark++;
        Assert.True(dark > 200, $"only {dark} dark pixels where the equation should be");
    }
}
