using System.Text.Json;
using Bookish.Calculus;
using Microsoft.Playwright;

namespace Bookish.IntegrationTests.Browser;

/// <summary>The page's embedded checker in real Chromium: same verdicts as the C# checker, and usable by a reader.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DerivativeCheckerTests(BrowserFixture fixture)
{
    private static IReadOnlyList<string[]> Corpus()
    {
        var path = Path.Combine(BrowserFixture.RepositoryRoot, "tests", "conformance", "derivatives.tsv");
        return File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
    }

    [Fact]
    public async Task The_browser_checker_agrees_with_the_CSharp_checker_on_the_whole_conformance_corpus()
    {
        var corpus = Corpus();
        Assert.True(corpus.Count >= 100, $"only {corpus.Count} claims");
        await using var page = await fixture.OpenAsync(1280);
        var inputs = corpus.Select(f => new { layout = f[1], declare = f[2], define = f[3] == "-" ? "" : f[3], claim = f[4] }).ToList();
        var json = await page.Page.EvaluateAsync<JsonElement>(
            "inputs => inputs.map(i => window.BookishDerivCheck.check(i).verdict)", inputs);
        var browser = json.EnumerateArray().Select(e => e.GetString()).ToList();
        var disagreements = new List<string>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var f = corpus[i];
            var csharp = DerivativeChecker.CheckClaim(f[2], f[3] == "-" ? "" : f[3], f[4], f[1]).KindText;
            if (csharp != browser[i]) disagreements.Add($"{f[4]}: C# {csharp}, browser {browser[i]}");
            if (csharp != f[0]) disagreements.Add($"{f[4]}: expected {f[0]}, C# {csharp}");
        }
        Assert.Empty(disagreements);
    }

    [Fact]
    public async Task A_reader_typing_a_wrong_derivative_gets_refuted_and_a_counterexample()
    {
        await using var page = await fixture.OpenAsync(1280);
        var form = page.Page.Locator("#derivative-checker");
        await form.Locator("input[name=declare]").FillAsync(@"x, y \in \mathbb{R}");
        await form.Locator("input[name=define]").FillAsync("g(x, y) = 2x + y^8");
        await form.Locator("textarea[name=claim]").FillAsync(@"\nabla g(x,y) = [1, 7y^8]");
        await form.Locator("button.checker-run").ClickAsync();
        var output = form.Locator("output.checker-output");
        await Assertions.Expect(output).ToContainTextAsync("refuted");
        var text = await output.TextContentAsync();
        Assert.Contains("at x = ", text);
        Assert.Contains("expected 2, claimed 1", text);

        await form.Locator("textarea[name=claim]").FillAsync(@"\nabla g(x,y) = [2, 8y^7]");
        await form.Locator("button.checker-run").ClickAsync();
        await Assertions.Expect(output).ToContainTextAsync("verified");
    }

    [Fact]
    public async Task A_check_block_can_be_re_run_at_new_points_in_the_page()
    {
        await using var page = await fixture.OpenAsync(1280);
        var block = page.Page.Locator(".check").First;
        await block.Locator("summary").ClickAsync();
        await block.Locator("button.check-rerun").ClickAsync();
        await Assertions.Expect(block.Locator("output.check-output")).ToContainTextAsync("verified");
    }
}
