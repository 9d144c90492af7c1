using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>A labelled equation is linked by its label, which survives inserted equations; the old positional id still lands.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StableAnchorTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _url;

    private async Task<string> UrlAsync() => _url ??= await browser.BuildAsync(Repo.WriteDocument("""
        # Logits

        Scores first:

        \begin{equation}
        z_k = \mathbf{w}_k^\top \mathbf{x} + b_k
        \end{equation}

        Long text so the page scrolls.

        """ + string.Concat(Enumerable.Repeat("A paragraph about nothing much, there only to push the next equation down the page.\n\n", 40)) + """
        Then the softmax:

        \begin{equation}
        \operatorname{softmax}(\mathbf{z})_k = \frac{e^{z_k}}{\sum_j e^{z_j}} \label{eq:softmax}
        \end{equation}

        Equation \eqref{eq:softmax} sums to one.

        """ + string.Concat(Enumerable.Repeat("More words after it, so that the page can scroll the equation to the top.\n\n", 30))), "stable-anchors");

    [Fact]
    public async Task A_labelled_equation_has_its_label_as_id_and_cross_references_use_it()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var m = await p.Eval<JsonElement>("""
            () => ({ id: [...document.querySelectorAll('main .math.display')][1].id,
                     href: [...document.querySelectorAll('main a')].find(a => a.textContent.includes('(2)'))?.getAttribute('href') })
            """);

        Assert.Equal("eq:softmax", m.GetProperty("id").GetString());
        Assert.Equal("#eq:softmax", m.GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("eq:softmax")]
    [InlineData("eq-2")]
    public async Task The_label_and_the_positional_alias_both_navigate_to_the_equation(string fragment)
    {
        var url = await UrlAsync();
        await using var p = await browser.OpenAsync(1280, height: 700, url: url + "#" + fragment);

        var top = await p.Eval<double>("() => [...document.querySelectorAll('main .math.display')][1].getBoundingClientRect().top");

        output.WriteLine($"#{fragment}: the equation's top is at {top:0}px");
        Assert.InRange(top, -5, 120);
    }
}
