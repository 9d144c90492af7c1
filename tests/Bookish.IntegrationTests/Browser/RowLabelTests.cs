using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>In an align with a label on each row, each row's number is that row's anchor and links to its own label.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RowLabelTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _url;

    private async Task<string> UrlAsync() => _url ??= await browser.BuildAsync(Repo.WriteDocument("""
        # Chain rule, step by step

        The loss of one sample, taken apart:

        \begin{align}
        u &= \mathbf{w}^\top \mathbf{x} + b \label{eq:affine} \\
        v &= \max(0, u) \label{eq:relu} \\
        L &= (v - y)^2 \label{eq:loss}
        \end{align}

        """ + string.Concat(Enumerable.Repeat("Words that push the rest of the page down, so it can scroll to any row.\n\n", 40)) + """
        By \eqref{eq:relu}, $v$ is zero when $u < 0$; \eqref{eq:loss} is the square.

        """ + string.Concat(Enumerable.Repeat("More words after the references, so the page scrolls further.\n\n", 40))), "row-labels");

    [Fact]
    public async Task Each_rows_number_links_to_that_rows_own_label_and_cross_references_follow()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var m = await p.Eval<JsonElement>("""
            () => ({ block: document.querySelector('main .math.display').id,
                     numbers: [...document.querySelectorAll('main .math.display .eqno a')].map(a => ({ id: a.id, href: a.getAttribute('href'), text: a.textContent })),
                     refs: [...document.querySelectorAll('main p a')].filter(a => /\(\d\)/.test(a.textContent)).map(a => a.getAttribute('href')),
                     ids: [...document.querySelectorAll('[id]')].map(e => e.id) })
            """);

        output.WriteLine(m.ToString());
        Assert.Equal("eq:affine", m.GetProperty("block").GetString());
        var numbers = m.GetProperty("numbers").EnumerateArray().Select(n => (Id: n.GetProperty("id").GetString(), Href: n.GetProperty("href").GetString())).ToList();
        Assert.Equal([("", "#eq:affine"), ("eq:relu", "#eq:relu"), ("eq:loss", "#eq:loss")], numbers);
        Assert.Equal(["#eq:relu", "#eq:loss"], m.GetProperty("refs").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var ids = m.GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("eq-1", ids);
    }

    [Theory]
    [InlineData("eq:relu", 1)]
    [InlineData("eq:loss", 2)]
    public async Task A_rows_label_navigates_to_that_row(string label, int row)
    {
        var url = await UrlAsync();
        await using var p = await browser.OpenAsync(1280, height: 700, url: url + "#" + label);

        var m = await p.Eval<JsonElement>($$"""
            () => { const t = [...document.querySelectorAll('main .math.display .eqno text')][{{row}}].getBoundingClientRect();
                    return { top: t.top, bottom: t.bottom, target: document.querySelector(':target')?.id ?? '' }; }
            """);

        output.WriteLine(m.ToString());
        Assert.Equal(label, m.GetProperty("target").GetString());
        Assert.InRange(m.GetProperty("top").GetDouble(), -30, 60);
    }
}
