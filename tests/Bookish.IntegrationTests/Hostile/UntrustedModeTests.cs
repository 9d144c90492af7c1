using AngleSharp.Html.Parser;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// <c>--untrusted</c> end to end: a document whose first equation redefines a symbol globally. In the default mode the
/// later equation is drawn with the redefinition (the attack is real); with <c>--untrusted</c> it is drawn as in a
/// document without the hostile equation, no equation cache is written, and the options that contradict it are usage errors.
/// </summary>
public sealed class UntrustedModeTests
{
    private const string Hostile = "# Notes\n\nFirst $\\gdef\\alpha{\\beta} z$, then $\\alpha + 1$ and $\\everymath{} x_1$.\n";
    private const string Clean = "# Notes\n\nThen $\\alpha + 1$ and $\\everymath{} x_1$.\n";

    private static string? Picture(string output, string tex)
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        return page.QuerySelectorAll("span.math.inline").FirstOrDefault(s => s.GetAttribute("data-tex") == tex)?.QuerySelector("svg")?.OuterHtml;
    }

    [Fact]
    public async Task An_untrusted_build_draws_each_equation_as_without_its_neighbours_and_caches_nothing()
    {
        using var clean = new HostileCase();
        clean.Write("index.md", Clean);
        Assert.Equal(0, (await clean.BuildAsync("index.md", "--no-pdf", "--no-cache")).ExitCode);
        var expected = Picture(clean.Output, "\\alpha + 1");
        Assert.NotNull(expected);

        using var c = new HostileCase();
        c.Write("index.md", Hostile);
        var shared = await c.BuildAsync("index.md", "--no-pdf", "--no-cache");
        Assert.Equal(0, shared.ExitCode);
        Assert.NotEqual(expected, Picture(c.Output, "\\alpha + 1"));

        var untrusted = await c.BuildAsync("index.md", "--no-pdf", "--untrusted");
        c.AssertContained(untrusted);
        Assert.Equal(0, untrusted.ExitCode);
        Assert.Contains("3 equations: 3 typeset now, 0 from cache (3 TeX runs)", untrusted.StandardError);
        Assert.Equal(expected, Picture(c.Output, "\\alpha + 1"));
        Assert.False(Directory.Exists(c.Cache) && Directory.EnumerateFiles(c.Cache, "*.json", SearchOption.AllDirectories).Any(), "an untrusted build wrote the equation cache");
    }

    [Theory]
    [InlineData("--execute")]
    [InlineData("--refresh")]
    [InlineData("--unsafe-no-sandbox")]
    public async Task Untrusted_with_an_option_that_contradicts_it_is_a_usage_error(string option)
    {
        using var c = new HostileCase();
        c.Write("index.md", Clean);
        var outcome = await c.BuildAsync("index.md", "--no-pdf", "--untrusted", option);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--untrusted cannot be combined with " + option, outcome.StandardError);
        Assert.False(Directory.Exists(c.Output));
    }
}
