using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>
/// Highlighted code in real Chromium, in the light and the dark colour scheme: the token colours follow the scheme and
/// stay readable (WCAG AA, 4.5:1) on the background they are actually painted on (the block, or a highlighted line),
/// line numbers stay out of a copy, and a narrow phone does not scroll sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HighlightedCodeBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Document = """
        ---
        title: Newton’s method, by hand
        toc: false
        ---

        # One Newton step

        For $f(x) = x^2 - 2$ the update $x \leftarrow x - f(x)/f'(x)$ converges to $\sqrt{2}$ quickly:

        ```{.python .numberLines startFrom="10" hl_lines="2 3"}
        def newton(f, df, x, steps=5):
            for _ in range(steps):   # each step doubles the digits
                x = x - f(x) / df(x)
            return x  # √2 ≈ 1.41421356
        print(newton(lambda x: x*x - 2, lambda x: 2*x, 1.0))
        ```
        """;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _url;

    private async Task<string> UrlAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _url ??= await browser.BuildAsync(Repo.WriteDocument(Document.Replace("\r", "")), "highlighted-code");
        }
        finally { Gate.Release(); }
    }

    private const string Probe = """
        () => {
          const pre = document.querySelector('main pre.code');
          const paintedBehind = e => { for (; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor;
                                                                           if (b && b !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(b)) return b; } return null; };
          const token = e => ({ text: e.textContent, color: getComputedStyle(e).color, background: paintedBehind(e),
                                line: e.closest('.line')?.classList.contains('hl') ?? false });
          // Plain code: text directly inside a line, not inside a token or a line number; its colour is the line's.
          const plain = [...pre.querySelectorAll('.line')].flatMap(l => [...l.childNodes]
              .filter(n => n.nodeType === 3 && n.textContent.trim() !== '').map(n => ({ ...token(l), text: n.textContent })));
          return {
            block: getComputedStyle(pre).backgroundColor,
            keywords: [...pre.querySelectorAll('.tok-kw')].map(token),
            comments: [...pre.querySelectorAll('.tok-com')].map(token),
            plain,
            numbers: [...pre.querySelectorAll('.ln')].map(e => e.textContent.trim()),
            highlighted: pre.querySelectorAll('.line.hl').length,
          };
        }
        """;

    [Fact(Timeout = 300_000)]
    public async Task Token_colours_follow_the_scheme_and_keep_AA_contrast()
    {
        var url = await UrlAsync();
        var seen = new Dictionary<ColorScheme, JsonElement>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var p = await browser.OpenAsync(1024, scheme, url: url);
            // The scheme can also be switched on a live page; the CSS must follow it there too.
            await p.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
            var m = await p.Eval<JsonElement>(Probe);
            seen[scheme] = m;

            Assert.Equal(["10", "11", "12", "13", "14"], m.GetProperty("numbers").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(2, m.GetProperty("highlighted").GetInt32());
            foreach (var kind in new[] { "keywords", "comments", "plain" })
            {
                var tokens = m.GetProperty(kind).EnumerateArray().ToList();
                Assert.True(tokens.Count >= 2, $"{scheme}: some {kind} in the block");
                // Both a highlighted and a plain line carry this kind of token, so both backgrounds are checked.
                Assert.Contains(tokens, t => t.GetProperty("line").GetBoolean());
                Assert.Contains(tokens, t => !t.GetProperty("line").GetBoolean());
                foreach (var t in tokens)
                {
                    var ratio = Contrast(t.GetProperty("color").GetString()!, t.GetProperty("background").GetString()!);
                    output.WriteLine($"{scheme} {kind} '{t.GetProperty("text").GetString()!.Trim()}' {t.GetProperty("color")} on " +
                        $"{t.GetProperty("background")}{(t.GetProperty("line").GetBoolean() ? " (highlighted line)" : "")}: {ratio:0.00}:1");
                    Assert.True(ratio >= 4.5, $"{scheme} {kind} '{t.GetProperty("text")}' has contrast {ratio:0.00}:1 < 4.5:1");
                }
            }
            // The block's own background is what the unhighlighted tokens sit on.
            var block = m.GetProperty("block").GetString();
            Assert.Contains(m.GetProperty("plain").EnumerateArray(), t => t.GetProperty("background").GetString() == block);
        }

        var (light, dark) = (seen[ColorScheme.Light], seen[ColorScheme.Dark]);
        Assert.NotEqual(light.GetProperty("block").GetString(), dark.GetProperty("block").GetString());
        foreach (var kind in new[] { "keywords", "comments", "plain" })
            Assert.NotEqual(light.GetProperty(kind)[0].GetProperty("color").GetString(), dark.GetProperty(kind)[0].GetProperty("color").GetString());
        // And within one scheme the three kinds are told apart by colour.
        foreach (var m in new[] { light, dark })
            Assert.Equal(3, new[] { "keywords", "comments", "plain" }.Select(k => m.GetProperty(k)[0].GetProperty("color").GetString()).Distinct().Count());
    }

    [Fact(Timeout = 300_000)]
    public async Task Copying_the_block_leaves_the_line_numbers_behind()
    {
        var url = await UrlAsync();
        await using var p = await browser.OpenAsync(1024, url: url);
        var copied = await p.Eval<string>("""
            () => { const pre = document.querySelector('main pre.code');
                    const range = document.createRange(); range.selectNodeContents(pre);
                    const s = getSelection(); s.removeAllRanges(); s.addRange(range); return s.toString(); }
            """);
        output.WriteLine(copied);
        var lines = copied.Replace("\r", "").TrimEnd('\n').Split('\n');
        Assert.Equal("def newton(f, df, x, steps=5):", lines[0]);
        Assert.Equal("    for _ in range(steps):   # each step doubles the digits", lines[1]);
        Assert.Equal("    return x  # √2 ≈ 1.41421356", lines[3]);
        Assert.Equal(5, lines.Length);
        Assert.DoesNotMatch(@"(?m)^\s*1[0-4]", copied);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_phone_does_not_scroll_sideways()
    {
        var url = await UrlAsync();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var p = await browser.OpenAsync(375, scheme, height: 700, url: url);
            var m = await p.Eval<JsonElement>("""
                () => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth,
                         pre: (() => { const r = document.querySelector('main pre.code').getBoundingClientRect(); return [r.left, r.right]; })() })
                """);
            output.WriteLine($"375 px {scheme}: document {m.GetProperty("scroll")} px wide, block {m.GetProperty("pre")}");
            Assert.True(m.GetProperty("scroll").GetInt32() <= m.GetProperty("inner").GetInt32(), "the page scrolls sideways at 375 px");
            Assert.True(m.GetProperty("pre")[0].GetDouble() >= 0 && m.GetProperty("pre")[1].GetDouble() <= 375, "the code block sticks out of the screen");

            if (scheme == ColorScheme.Dark)
            {
                var shot = Path.Combine(browser.TempRoot, "..", "bookish-highlighted-code-dark.png");
                await p.Page.Locator("main pre.code").ScrollIntoViewIfNeededAsync();
                await p.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.GetFullPath(shot) });
                output.WriteLine($"screenshot: {Path.GetFullPath(shot)}");
            }
        }
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string css)
    {
        var c = System.Text.RegularExpressions.Regex.Matches(css, @"[\d.]+").Select(x => (int)Math.Round(double.Parse(x.Value, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        return DarkModeTests.Luminance(c[0], c[1], c[2]);
    }
}
