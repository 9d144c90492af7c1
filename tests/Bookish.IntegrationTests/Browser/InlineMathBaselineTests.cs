using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>
/// Two kinds of 200% zoom. Text zoom: the root font size is doubled (document.documentElement.style.fontSize =
/// '200%'), what a reader's larger default font does and what the page's rem/em sizing must follow. Browser zoom:
/// half the CSS viewport on a device scale factor of 2, which is what Chromium's page zoom amounts to (a device
/// scale factor alone only changes device pixels, and CDP Emulation.setPageScaleFactor is a pinch zoom that does
/// not re-lay out, so neither would move anything in CSS pixels).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InlineMathBaselineTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>
    /// For every inline equation: a zero-size inline-block probe put right after it on the same line has its top on
    /// the text baseline; the SVG's TeX baseline is its bottom minus its depth (the em in its vertical-align times
    /// its font size). Returns the signed offsets in CSS px. Probes that wrapped to the next line are dropped.
    /// </summary>
    private const string MeasureBaselines = """
        () => {
          const out = [];
          for (const span of document.querySelectorAll('main .math.inline')) {
            const svg = span.querySelector(':scope > svg');
            if (!svg || svg.getBoundingClientRect().width === 0) continue;
            const probe = document.createElement('span');
            probe.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
            span.after(probe);
            const s = svg.getBoundingClientRect(), pr = probe.getBoundingClientRect();
            probe.remove();
            if (Math.abs(pr.left - s.right) > 1 || pr.top < s.top - 1 || pr.top > s.bottom + 1) continue; // wrapped
            const va = /vertical-align:\s*(-?[\d.]+)em/.exec(svg.getAttribute('style'));
            const depthEm = va ? -parseFloat(va[1]) : 0;
            const fontSize = parseFloat(getComputedStyle(svg).fontSize);
            const texBaseline = s.bottom - depthEm * fontSize;
            out.push({ tex: span.dataset.tex, offset: texBaseline - pr.top, depthPx: depthEm * fontSize });
          }
          return out;
        }
        """;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    public async Task Inline_math_baseline_sits_on_the_text_baseline(int textZoom, int browserZoom)
    {
        // browserZoom 2 is what Ctrl+Plus to 200% does to a 1280px window: a 640 CSS px viewport on twice the device
        // pixels (layout re-flows at the narrower width, painting snaps to a finer grid). textZoom doubles the root font.
        await using var p = await browser.OpenAsync(1280 / browserZoom, height: 900 / browserZoom, deviceScaleFactor: browserZoom);
        await p.Eval<object>($"() => {{ document.documentElement.style.fontSize = '{textZoom * 100}%'; }}");
        var zoom = textZoom * browserZoom;

        var measured = await p.Eval<JsonElement>(MeasureBaselines);

        var offsets = measured.EnumerateArray().Select(e => (Tex: e.GetProperty("tex").GetString(), Offset: e.GetProperty("offset").GetDouble(),
            Depth: e.GetProperty("depthPx").GetDouble())).ToList();
        var worst = offsets.MaxBy(o => Math.Abs(o.Offset));
        output.WriteLine($"text {textZoom * 100}%, browser {browserZoom * 100}%: {offsets.Count} inline equations on their lines, " +
            $"{offsets.Count(o => o.Depth > 0.5)} with depth; worst offset {worst.Offset:0.000}px ({worst.Tex})");
        Assert.True(offsets.Count >= 30, "most inline equations were measured");
        Assert.True(offsets.Count(o => o.Depth > 2) >= 5, "equations with real depth (fractions, subscripts) are among them");
        Assert.All(offsets, o => Assert.True(Math.Abs(o.Offset) <= 0.5, $"{zoom * 100}%: ${o.Tex}$ is {o.Offset:0.000}px off the baseline"));
    }

    [Fact]
    public async Task Inline_math_grows_with_the_font()
    {
        await using var p = await browser.OpenAsync(1280, height: 900);
        const string widths = "() => [...document.querySelectorAll('main .math.inline > svg')].map(s => s.getBoundingClientRect().width)";

        var before = await p.Eval<double[]>(widths);
        var textBefore = await p.Eval<double>("() => parseFloat(getComputedStyle(document.querySelector('main article > p')).fontSize)");
        await p.Eval<object>("() => { document.documentElement.style.fontSize = '200%'; }");
        var after = await p.Eval<double[]>(widths);
        var textAfter = await p.Eval<double>("() => parseFloat(getComputedStyle(document.querySelector('main article > p')).fontSize)");

        Assert.Equal(2.0, textAfter / textBefore, 2);
        Assert.Equal(before.Length, after.Length);
        Assert.True(before.Length >= 30);
        for (var i = 0; i < before.Length; i++)
            Assert.InRange(after[i] / before[i], 1.98, 2.02);
    }

    [Fact]
    public async Task Glyphs_of_a_letter_without_descender_rest_on_the_baseline()
    {
        // The TeX baseline computed from the depth is only right if the outlines inside the SVG are placed where TeX
        // put them: the ink of x, N, L (flat-bottomed in Computer Modern) must end on the text baseline.
        await using var p = await browser.OpenAsync(1280, height: 900);

        var measured = await p.Eval<JsonElement>("""
            () => [...document.querySelectorAll('main .math.inline')].filter(s => ['x', 'N', 'L'].includes(s.dataset.tex)).map(span => {
              const svg = span.querySelector('svg');
              const probe = document.createElement('span');
              probe.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
              span.after(probe);
              let inkBottom = -Infinity;
              for (const g of svg.querySelectorAll('use, path')) inkBottom = Math.max(inkBottom, g.getBoundingClientRect().bottom);
              const base = probe.getBoundingClientRect().top;
              probe.remove();
              return { tex: span.dataset.tex, offset: inkBottom - base, size: parseFloat(getComputedStyle(svg).fontSize) };
            })
            """);

        Assert.True(measured.GetArrayLength() >= 2);
        foreach (var e in measured.EnumerateArray())
        {
            output.WriteLine($"{e.GetProperty("tex")}: ink bottom {e.GetProperty("offset").GetDouble():0.000}px from the baseline");
            Assert.True(Math.Abs(e.GetProperty("offset").GetDouble()) <= 0.5, $"{e.GetProperty("tex")} ink ends {e.GetProperty("offset")}px off the baseline");
        }
    }
}
