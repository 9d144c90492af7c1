using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>
/// Each equation carries MathML (KaTeX's, made at build time) hidden beside its SVG: Chromium's accessibility tree holds
/// mathematics (a math node with MathML structure), not the TeX string, with the author's macros expanded; the MathML
/// takes no room on screen and copying still gives the TeX.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MathMLAccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _url;

    private async Task<string> UrlAsync() => _url ??= await browser.BuildAsync(Repo.WriteDocument("""
        ---
        title: Ratios and ones
        macros:
          vone: \mathbf{1}
        ---

        A ratio $\frac{a}{b}$ of two counts, and the sum of a vector's entries, $\vone^\top x$.

        $$
        \frac{\partial}{\partial x} \vone^\top x = \vone
        $$
        """), "mathml-a11y");

    private sealed record AxNode(string Id, string Role, string Name, bool Ignored, string[] Children);

    private static async Task<Dictionary<string, AxNode>> TreeAsync(BrowserPage p)
    {
        var cdp = await p.Page.Context.NewCDPSessionAsync(p.Page);
        var tree = await cdp.SendAsync("Accessibility.getFullAXTree");
        var nodes = new Dictionary<string, AxNode>();
        foreach (var n in tree!.Value.GetProperty("nodes").EnumerateArray())
        {
            string Str(string prop) => n.TryGetProperty(prop, out var v) && v.TryGetProperty("value", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? "" : "";
            var children = n.TryGetProperty("childIds", out var c) ? c.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];
            var id = n.GetProperty("nodeId").GetString()!;
            nodes[id] = new AxNode(id, Str("role"), Str("name"), n.TryGetProperty("ignored", out var ig) && ig.GetBoolean(), children);
        }
        return nodes;
    }

    private static IEnumerable<AxNode> Below(Dictionary<string, AxNode> tree, AxNode node) =>
        node.Children.Where(tree.ContainsKey).Select(c => tree[c]).SelectMany(c => new[] { c }.Concat(Below(tree, c)));

    [Fact]
    public async Task The_accessibility_tree_of_a_fraction_holds_MathML_structure_not_the_TeX()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var tree = await TreeAsync(p);

        var maths = tree.Values.Where(n => n.Role is "math" or "MathMLMath" && !n.Ignored).ToList();
        foreach (var m in maths) output.WriteLine($"math '{m.Name}': " + string.Join(" ", Below(tree, m).Where(n => !n.Ignored).Select(n => n.Role + (n.Name.Length > 0 ? $"[{n.Name}]" : ""))));
        Assert.Equal(3, maths.Count);
        var fraction = maths.First();
        var below = Below(tree, fraction).Where(n => !n.Ignored).ToList();
        Assert.Contains(below, n => n.Role.Contains("Fraction", StringComparison.OrdinalIgnoreCase));
        // Chromium names an italic identifier by its mathematical letter.
        Assert.Contains(below, n => n.Name is "a" or "𝑎");
        Assert.DoesNotContain(tree.Values, n => !n.Ignored && (n.Name.Contains("\\frac") || n.Name.Contains("\\vone")));
        // No image stands in for these equations any more: the SVG is hidden, the MathML is what is read.
        Assert.DoesNotContain(tree.Values, n => !n.Ignored && n.Role is "image" or "img");
    }

    [Fact]
    public async Task The_MathML_of_a_document_macro_holds_its_expansion()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var bold = await p.Eval<string[]>("() => Array.from(document.querySelectorAll('.math.inline .math-ml math mn[mathvariant=bold], .math.inline .math-ml math mi[mathvariant=bold]')).map(e => e.textContent)");
        var text = await p.Eval<string>("() => Array.from(document.querySelectorAll('.math-ml')).map(e => e.innerHTML).join(' ')");

        Assert.Contains("1", bold);
        Assert.DoesNotContain("vone", text);
        Assert.DoesNotContain("annotation", text);
    }

    [Fact]
    public async Task The_MathML_takes_no_room_and_copying_still_gives_TeX()
    {
        await using var p = await browser.OpenAsync(1280, url: await UrlAsync());

        var boxes = await p.Eval<double[]>("() => Array.from(document.querySelectorAll('.math-ml')).map(e => { const r = e.getBoundingClientRect(); return Math.max(r.width, r.height); })");
        var hidden = await p.Eval<bool>("() => Array.from(document.querySelectorAll('.math-image svg, .math.inline svg')).every(s => s.getAttribute('aria-hidden') === 'true')");
        await p.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await p.Eval<object>("""
            () => { const para = document.querySelector('main article > p');
                    const r = document.createRange(); r.selectNodeContents(para);
                    getSelection().removeAllRanges(); getSelection().addRange(r); return null; }
            """);
        await p.Page.Keyboard.PressAsync("Control+C");
        var copied = await p.Eval<string>("() => navigator.clipboard.readText()");

        Assert.Equal(3, boxes.Length);
        Assert.All(boxes, b => Assert.True(b <= 1.01, $"{b} px"));
        Assert.True(hidden);
        output.WriteLine(copied);
        Assert.Contains("$\\frac{a}{b}$", copied);
        Assert.Contains("$\\vone^\\top x$", copied);
        Assert.DoesNotContain("∂", copied);
    }
}
