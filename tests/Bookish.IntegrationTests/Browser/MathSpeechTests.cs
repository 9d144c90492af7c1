using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>
/// The spoken form of an equation, with the author's macros expanded: the accessible name of an equation KaTeX cannot
/// turn into MathML, and the <c>alttext</c> of the MathML of the others (see <see cref="MathMLAccessibilityTests"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MathSpeechTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _url;

    private async Task<string> UrlAsync() => _url ??= await browser.BuildAsync(Repo.WriteDocument("""
        ---
        title: Probability vectors
        macros:
          vone: \mathbf{1}
          vp: \mathbf{p}
          norm: ['\left\|#1\right\|', 1]
        ---

        A ratio $\frac{a}{b}$ of two counts.

        A probability vector sums to one: $\vone^T \vp = 1$, and $\norm{\vp} \le 1$.

        A term that vanishes, $\cancelto{0}{\vp}$, drops out.
        """), "math-speech");

    private static async Task<List<string>> AccessibleNamesAsync(BrowserPage p)
    {
        var cdp = await p.Page.Context.NewCDPSessionAsync(p.Page);
        var tree = await cdp.SendAsync("Accessibility.getFullAXTree");
        var names = new List<string>();
        foreach (var node in tree!.Value.GetProperty("nodes").EnumerateArray())
        {
            if (node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean()) continue;
            if (!node.TryGetProperty("role", out var role) || role.GetProperty("value").GetString() is not ("image" or "img" or "math")) continue;
            if (node.TryGetProperty("name", out var name) && name.TryGetProperty("value", out var v)) names.Add(v.GetString() ?? "");
        }
        names.AddRange(await p.Eval<string[]>("() => Array.from(document.querySelectorAll('math[alttext]')).map(m => m.getAttribute('alttext'))"));
        return names;
    }

    [Fact]
    public async Task The_accessibility_tree_reads_a_fraction_as_mathematics_not_as_TeX()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var names = await AccessibleNamesAsync(p);

        output.WriteLine(string.Join(Environment.NewLine, names));
        Assert.Contains("a over b", names);
        Assert.DoesNotContain(names, n => n.Contains('\\'));
    }

    [Fact]
    public async Task An_equation_KaTeX_cannot_convert_is_an_image_named_in_words()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var cdp = await p.Page.Context.NewCDPSessionAsync(p.Page);
        var tree = await cdp.SendAsync("Accessibility.getFullAXTree");
        var images = tree!.Value.GetProperty("nodes").EnumerateArray()
            .Where(n => !(n.TryGetProperty("ignored", out var i) && i.GetBoolean()) && n.GetProperty("role").GetProperty("value").GetString() is "image" or "img")
            .Select(n => n.GetProperty("name").GetProperty("value").GetString() ?? "").ToList();

        output.WriteLine(string.Join(Environment.NewLine, images));
        Assert.Single(images);
        Assert.Contains("bold p", images[0]);
        Assert.DoesNotContain("\\", images[0]);
    }

    [Fact]
    public async Task The_authors_macros_are_expanded_before_the_equation_is_read()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var names = await AccessibleNamesAsync(p);

        Assert.Contains("bold 1 transpose bold p equals 1", names);
        Assert.Contains(names, n => n.Contains("norm") && n.Contains("bold p") && n.Contains("less than or equal to 1"));
        Assert.DoesNotContain(names, n => n.Contains("vone") || n.Contains("vp "));
    }
}
