using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;

namespace Bookish.IntegrationTests.Browser;

/// <summary>Issue 23: the page's free "check it yourself" box reads the document's macros, as its check blocks do.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FreeCheckerMacroTests(BrowserFixture browser)
{
    private static string? _url;

    private async Task<string> UrlAsync() => _url ??= await browser.BuildAsync(Repo.WriteDocument("""
        ---
        title: Quadratic forms
        macros:
          vx: \mathbf{x}
          mA: \mathbf{A}
        ---

        # Quadratic forms

        The gradient of $\vx^T \mA \vx$ for a square $\mA$:

        ```check
        declare: \vx \in \mathbb{R}^{3}, \mA \in \mathbb{R}^{3 \times 3}
        claim: \frac{\partial}{\partial \vx} \vx^T \mA \vx = \vx^T (\mA + \mA^T)
        ```
        """), "free-box-macros");

    [Fact]
    public async Task A_claim_typed_with_the_documents_macros_into_the_free_box_is_verified_and_a_wrong_one_refuted()
    {
        await using var page = await browser.OpenAsync(1280, url: await UrlAsync());
        var form = page.Page.Locator("#derivative-checker");
        await form.Locator("input[name=declare]").FillAsync(@"\vx \in \mathbb{R}^{4}, \mA \in \mathbb{R}^{4 \times 4}");
        await form.Locator("input[name=define]").FillAsync("");
        await form.Locator("textarea[name=claim]").FillAsync(@"\nabla_{\vx} (\vx^T \mA \vx) = (\mA + \mA^T) \vx");
        await form.Locator("button.checker-run").ClickAsync();
        var output = form.Locator("output.checker-output");
        await Assertions.Expect(output).ToContainTextAsync("verified");

        await form.Locator("textarea[name=claim]").FillAsync(@"\nabla_{\vx} (\vx^T \mA \vx) = 2 \mA \vx");
        await form.Locator("button.checker-run").ClickAsync();
        await Assertions.Expect(output).ToContainTextAsync("refuted");
    }

    [Fact]
    public async Task The_free_box_says_it_knows_the_documents_macros()
    {
        await using var page = await browser.OpenAsync(1280, url: await UrlAsync());
        await Assertions.Expect(page.Page.Locator("#derivative-checker p").First).ToContainTextAsync("with this document's macros");
    }
}
