using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>A display wider than the measure uses the margins before it scrolls; phones keep their scrolling boxes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WideDisplayTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _paper;
    private async Task<string> PaperAsync() => _paper ??= await browser.BuildAsync(Repo.Corpus("matrix-calculus", "article.xml"), "paper-wide");

    internal const string Displays = """
        async () => {
          await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
          const column = document.querySelector('main article > p').getBoundingClientRect();
          return { column: { left: column.left, right: column.right }, inner: document.documentElement.clientWidth,
                   page: document.documentElement.scrollWidth,
                   displays: [...document.querySelectorAll('main .math.display')].map(d => {
                     const s = d.querySelector('.math-scroll'), r = d.getBoundingClientRect(), img = d.querySelector('.math-image').getBoundingClientRect();
                     const parent = d.parentElement.getBoundingClientRect();
                     return { id: d.id, tex: d.querySelector('[data-tex]').dataset.tex, left: r.left, right: r.right,
                              parentCentre: (parent.left + parent.right) / 2,
                              imgLeft: img.left, imgRight: img.right, scrolls: s.scrollWidth > s.clientWidth + 1 };
                   }) };
        }
        """;

    [Fact]
    public async Task On_a_desktop_the_papers_central_Jacobian_and_every_other_display_are_visible_without_scrolling()
    {
        await using var p = await browser.OpenAsync(1280, height: 900, url: await PaperAsync());

        var m = await p.Eval<JsonElement>(Displays);

        var inner = m.GetProperty("inner").GetDouble();
        var column = m.GetProperty("column");
        var displays = m.GetProperty("displays").EnumerateArray().ToList();
        var jacobian = displays.First(d => d.GetProperty("tex").GetString()!.Contains(@"\nabla f_m(\mathbf{x})") &&
                                             d.GetProperty("tex").GetString()!.Contains(@"\partial {x_n}"));
        var widened = displays.Count(d => d.GetProperty("right").GetDouble() - d.GetProperty("left").GetDouble() >
                                          column.GetProperty("right").GetDouble() - column.GetProperty("left").GetDouble() + 1);
        output.WriteLine($"1280px: column {column.GetProperty("left"):0}..{column.GetProperty("right"):0}px; {widened} of {displays.Count} displays reach into the margin; " +
                         $"Jacobian {jacobian.GetProperty("imgLeft").GetDouble():0}..{jacobian.GetProperty("imgRight").GetDouble():0}px");
        Assert.True(widened >= 10, "the paper has displays wider than the measure (else this proves nothing)");
        Assert.False(jacobian.GetProperty("scrolls").GetBoolean(), "the central Jacobian still scrolls");
        Assert.True(jacobian.GetProperty("imgLeft").GetDouble() >= 0 && jacobian.GetProperty("imgRight").GetDouble() <= inner);
        foreach (var d in displays)
        {
            Assert.False(d.GetProperty("scrolls").GetBoolean(), $"{d.GetProperty("id")} scrolls at 1280px");
            Assert.InRange(d.GetProperty("left").GetDouble(), 0, inner);
            Assert.InRange(d.GetProperty("right").GetDouble(), 0, inner);
        }
        Assert.True(m.GetProperty("page").GetDouble() <= inner, "the page scrolls sideways");
    }

    [Fact]
    public async Task A_widened_display_stays_centred_on_its_block_like_the_others_unless_the_window_edge_stops_it()
    {
        await using var p = await browser.OpenAsync(1024, height: 900, url: await PaperAsync());

        var m = await p.Eval<JsonElement>(Displays);

        var inner = m.GetProperty("inner").GetDouble();
        foreach (var d in m.GetProperty("displays").EnumerateArray())
        {
            double left = d.GetProperty("left").GetDouble(), right = d.GetProperty("right").GetDouble();
            var atEdge = left < 25 || right > inner - 25;
            var centre = d.GetProperty("parentCentre").GetDouble();
            if (!atEdge) Assert.True(Math.Abs((left + right) / 2 - centre) < 1.5, $"{d.GetProperty("id")} is centred at {(left + right) / 2:0}, its block at {centre:0}");
        }
    }

    [Theory]
    [InlineData(320)]
    [InlineData(375)]
    public async Task On_a_phone_the_paper_never_overflows_and_wide_displays_scroll_in_their_box(int width)
    {
        await using var p = await browser.OpenAsync(width, url: await PaperAsync());

        var m = await p.Eval<JsonElement>(Displays);

        var displays = m.GetProperty("displays").EnumerateArray().ToList();
        Assert.True(m.GetProperty("page").GetDouble() <= width, $"at {width}px the page is {m.GetProperty("page")}px wide");
        Assert.Contains(displays, d => d.GetProperty("scrolls").GetBoolean());
        Assert.All(displays, d => Assert.True(d.GetProperty("left").GetDouble() >= 0 && d.GetProperty("right").GetDouble() <= width + 0.5));
    }

    [Theory]
    [InlineData(1280, Microsoft.Playwright.ColorScheme.Light)]
    [InlineData(1280, Microsoft.Playwright.ColorScheme.Dark)]
    [InlineData(375, Microsoft.Playwright.ColorScheme.Light)]
    [InlineData(375, Microsoft.Playwright.ColorScheme.Dark)]
    public async Task Screenshot_of_the_papers_Jacobian_section_is_saved(int width, Microsoft.Playwright.ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(width, scheme, height: 900, url: await PaperAsync());
        var folder = Path.Combine(BrowserFixture.RepositoryRoot, "output", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"paper-jacobian-{width}-{scheme.ToString().ToLowerInvariant()}.png");

        await p.Eval<object>("""
            () => { const d = [...document.querySelectorAll('main .math.display')].find(d => d.querySelector('[data-tex]').dataset.tex.includes('\\nabla f_m(\\mathbf{x})'));
                    d.scrollIntoView({ block: 'center' }); return null; }
            """);
        var png = await p.Page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = path });

        Assert.True(png.Length > 10_000);
    }
}
