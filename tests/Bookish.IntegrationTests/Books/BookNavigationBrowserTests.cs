using System.Text.Json;
using Bookish.IntegrationTests.Browser;
using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Books;

/// <summary>The test book's navigation in real Chromium: sidebar, menu button on phones, search, ← →.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BookNavigationBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _folder;

    /// <summary>The test book built once (no PDF) for every test of this class; the folder of its pages.</summary>
    private async Task<string> BookAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_folder is not null) return _folder;
            var url = await browser.BuildAsync(Path.Combine(Repo.Root, "tests", "books", "gradient-notes"), "gradient-notes-" + Guid.NewGuid().ToString("N")[..8]);
            return _folder = Path.GetDirectoryName(new Uri(url).LocalPath)!;
        }
        finally { Gate.Release(); }
    }

    private async Task<string> Url(string page) => new Uri(Path.Combine(await BookAsync(), page)).AbsoluteUri;

    private static Task<string> FileName(IPage page) => Task.FromResult(Path.GetFileName(new Uri(page.Url).LocalPath));

    [Fact]
    public async Task At_1280px_the_sidebar_lists_every_chapter_by_part_and_the_current_chapters_sections()
    {
        await using var p = await browser.OpenAsync(1280, url: await Url("gradients.html"));

        var m = await p.Eval<JsonElement>("""
            () => {
              const nav = document.querySelector('#book-sidebar'), r = nav.getBoundingClientRect(), main = document.querySelector('main').getBoundingClientRect();
              return { visible: getComputedStyle(nav).visibility === 'visible' && r.width > 150 && r.left >= 0,
                       overlapsMain: r.right > main.left,
                       menuShown: getComputedStyle(document.querySelector('.book-menu')).display !== 'none',
                       parts: [...nav.querySelectorAll('.part-title')].map(e => e.textContent),
                       chapters: [...nav.querySelectorAll('.chapter-row a')].map(a => a.textContent),
                       current: nav.querySelector('a[aria-current=page]:not(.book-title)').textContent,
                       sections: [...nav.querySelectorAll('.chapter-sections a')].map(a => a.textContent) };
            }
            """);

        Assert.True(m.GetProperty("visible").GetBoolean(), "the sidebar is not shown at 1280px");
        Assert.False(m.GetProperty("overlapsMain").GetBoolean(), "the sidebar covers the text");
        Assert.False(m.GetProperty("menuShown").GetBoolean(), "the menu button shows on a desktop");
        Assert.Equal(["Foundations", "Practice", "Appendices"], m.GetProperty("parts").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["1Limits and continuity", "2Gradients", "3Gradient descent", "ASymbols"], m.GetProperty("chapters").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2Gradients", m.GetProperty("current").GetString());
        Assert.Equal(["2.1Definition", "2.2Directional derivatives"], m.GetProperty("sections").EnumerateArray().Select(e => e.GetString()));

        // The sections fold away and come back.
        await p.Page.ClickAsync(".section-toggle");
        Assert.False(await p.Page.IsVisibleAsync(".chapter-sections"));
        await p.Page.ClickAsync(".section-toggle");
        Assert.True(await p.Page.IsVisibleAsync(".chapter-sections"));
    }

    [Fact]
    public async Task At_375px_the_sidebar_hides_behind_a_menu_button_that_opens_and_closes_it()
    {
        await using var p = await browser.OpenAsync(375, url: await Url("limits.html"));

        Assert.False(await p.Page.IsVisibleAsync("#book-sidebar .chapter-row a"));
        Assert.True(await p.Page.IsVisibleAsync(".book-menu"));
        var box = await p.Page.Locator(".book-menu").BoundingBoxAsync();
        Assert.True(box!.Height >= 44 && box.X + box.Width <= 375, $"menu button {box.Width}x{box.Height} at {box.X}");
        Assert.True(await p.Eval<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways");

        await p.Page.ClickAsync(".book-menu");
        await p.Page.WaitForFunctionAsync("() => document.querySelector('#book-sidebar').getBoundingClientRect().left >= 0");
        Assert.True(await p.Page.IsVisibleAsync("#book-sidebar .chapter-row a"));
        Assert.Equal("true", await p.Page.GetAttributeAsync(".book-menu", "aria-expanded"));

        // Following a chapter link from the menu goes there.
        await p.Page.ClickAsync("#book-sidebar .chapter-row a[href='descent.html']");
        await p.Page.WaitForURLAsync("**/descent.html");
        Assert.Equal("Gradient descent", await p.Page.TextContentAsync("header h1"));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Searching_a_word_shows_chapters_with_snippets_and_goes_to_the_section(int width)
    {
        await using var p = await browser.OpenAsync(width, url: await Url("index.html"));
        if (width < 600) await p.Page.ClickAsync(".book-menu");

        await p.Page.FillAsync("#book-search-input", "overshoots");
        await p.Page.WaitForSelectorAsync("#book-search-results a");

        var first = await p.Eval<JsonElement>("""
            () => { const a = document.querySelector('#book-search-results a');
                    return { href: a.getAttribute('href'), chapter: a.querySelector('.result-chapter').textContent,
                             snippet: a.querySelector('.result-snippet').textContent, marked: a.querySelector('mark')?.textContent }; }
            """);
        output.WriteLine(first.ToString());
        Assert.Equal("descent.html#choosing-the-step", first.GetProperty("href").GetString());
        Assert.Equal("Chapter 3 · Gradient descent", first.GetProperty("chapter").GetString());
        Assert.Contains("overshoots", first.GetProperty("snippet").GetString());
        Assert.Equal("overshoots", first.GetProperty("marked").GetString());

        await p.Page.ClickAsync("#book-search-results a");
        await p.Page.WaitForURLAsync("**/descent.html#choosing-the-step");
        Assert.Equal("descent.html", await FileName(p.Page));
    }

    [Fact]
    public async Task Searching_for_nabla_finds_the_gradient_equations_and_enter_opens_the_first()
    {
        await using var p = await browser.OpenAsync(1280, url: await Url("limits.html"));

        // Typed one key at a time, as a reader types: results follow each key.
        await p.Page.Locator("#book-search-input").PressSequentiallyAsync(@"\nabla");
        await p.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('#book-search-results a')].some(a => a.getAttribute('href').startsWith('gradients.html'))");

        var hits = await p.Eval<string[]>("() => [...document.querySelectorAll('#book-search-results a')].map(a => a.getAttribute('href'))");
        output.WriteLine(string.Join(", ", hits));
        Assert.Contains("gradients.html#definition", hits);
        Assert.Contains(hits, h => h.StartsWith("descent.html", StringComparison.Ordinal));
        Assert.DoesNotContain(hits, h => h.StartsWith("limits.html", StringComparison.Ordinal));
        Assert.Contains(@"\nabla", await p.Page.TextContentAsync("#book-search-results a[href='gradients.html#definition'] .result-snippet"));

        await p.Page.PressAsync("#book-search-input", "Enter");
        await p.Page.WaitForURLAsync(u => !u.EndsWith("limits.html", StringComparison.Ordinal));
        Assert.Contains(await FileName(p.Page), new[] { "gradients.html", "descent.html" });
    }

    [Theory]
    [InlineData("Stopping", "descent.html#stopping", "Stopping")]                  // a heading's word
    [InlineData("secant", "limits.html#the-derivative-as-a-limit", "A secant line")] // a figure caption's word
    [InlineData("common", "gradients.html#directional-derivatives", "Gradients of common functions")]             // a table caption
    public async Task Searching_a_heading_or_caption_word_finds_its_section_first(string query, string href, string shown)
    {
        await using var p = await browser.OpenAsync(1280, url: await Url("symbols.html"));

        await p.Page.FillAsync("#book-search-input", query);
        await p.Page.WaitForSelectorAsync("#book-search-results a");

        var first = await p.Eval<JsonElement>("""
            () => { const a = document.querySelector('#book-search-results a');
                    return { href: a.getAttribute('href'), text: a.querySelector('.result-heading').textContent + ' | ' + a.querySelector('.result-snippet').textContent }; }
            """);
        output.WriteLine(first.ToString());
        Assert.Equal(href, first.GetProperty("href").GetString());
        Assert.Contains(shown, first.GetProperty("text").GetString());
    }

    /// <summary>Counts, in the page, every Lunr index built (<c>lunr.Builder.prototype.build</c>, which <c>lunr(…)</c> calls too) and loaded (<c>lunr.Index.load</c>), from the moment lunr.min.js defines <c>window.lunr</c>.</summary>
    private const string CountLunr = """
        (() => {
          window.__lunr = { builds: 0, loads: 0, adds: 0 };
          let lib;
          Object.defineProperty(window, 'lunr', { configurable: true, get() { return lib; }, set(value) {
            lib = value;
            const build = value.Builder.prototype.build, add = value.Builder.prototype.add, load = value.Index.load;
            value.Builder.prototype.build = function () { window.__lunr.builds++; return build.apply(this, arguments); };
            value.Builder.prototype.add = function () { window.__lunr.adds++; return add.apply(this, arguments); };
            value.Index.load = function () { window.__lunr.loads++; return load.apply(this, arguments); };
          } });
        })();
        """;

    [Fact]
    public async Task The_page_loads_the_index_the_build_wrote_and_never_builds_one()
    {
        await using var p = await browser.OpenAsync(1280, url: await Url("gradients.html"));
        await p.Page.Context.AddInitScriptAsync(CountLunr);
        await p.Page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Load });

        await p.Page.Locator("#book-search-input").PressSequentiallyAsync("gradient desc");
        await p.Page.WaitForFunctionAsync("() => document.querySelector('#book-search-results a[href^=\"descent.html\"]')");

        var counts = await p.Eval<JsonElement>("() => ({ ...window.__lunr, version: window.lunr.version, ready: document.body.classList.contains('search-ready') })");
        output.WriteLine(counts.ToString());
        Assert.True(counts.GetProperty("ready").GetBoolean());
        Assert.Equal(1, counts.GetProperty("loads").GetInt32());
        Assert.Equal(0, counts.GetProperty("builds").GetInt32());
        Assert.Equal(0, counts.GetProperty("adds").GetInt32());
        Assert.Equal("2.3.9", counts.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Arrow_keys_move_between_chapters_but_not_while_typing_in_search()
    {
        await using var p = await browser.OpenAsync(1280, url: await Url("limits.html"));

        await p.Page.Keyboard.PressAsync("ArrowRight");
        await p.Page.WaitForURLAsync("**/gradients.html");
        await p.Page.Keyboard.PressAsync("ArrowRight");
        await p.Page.WaitForURLAsync("**/descent.html");
        await p.Page.Keyboard.PressAsync("ArrowLeft");
        await p.Page.WaitForURLAsync("**/gradients.html");

        await p.Page.FocusAsync("#book-search-input");
        await p.Page.Keyboard.TypeAsync("ab");
        await p.Page.Keyboard.PressAsync("ArrowLeft");
        await p.Page.WaitForTimeoutAsync(300);
        Assert.Equal("gradients.html", await FileName(p.Page));
    }

    [Fact]
    public async Task Previous_and_next_links_stand_at_the_top_and_the_bottom_of_a_chapter()
    {
        await using var p = await browser.OpenAsync(1280, url: await Url("gradients.html"));

        var navs = await p.Eval<JsonElement>("""
            () => [...document.querySelectorAll('.book-nav')].map(n => ({ bottom: n.classList.contains('book-nav-bottom'),
                    prev: n.querySelector('a[rel=prev]')?.getAttribute('href'), next: n.querySelector('a[rel=next]')?.getAttribute('href'),
                    afterMain: !!(document.querySelector('main').compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) }))
            """);

        Assert.Equal(2, navs.GetArrayLength());
        foreach (var n in navs.EnumerateArray())
        {
            Assert.Equal("limits.html", n.GetProperty("prev").GetString());
            Assert.Equal("descent.html", n.GetProperty("next").GetString());
        }
        Assert.True(navs[1].GetProperty("bottom").GetBoolean() && navs[1].GetProperty("afterMain").GetBoolean());
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 800)]
    public async Task Screenshots_of_a_chapter_for_a_reader_to_look_at(int width, int height)
    {
        await using var p = await browser.OpenAsync(width, height: height, url: await Url("gradients.html"));
        if (width < 600) await p.Page.ClickAsync(".book-menu");
        await p.Page.FillAsync("#book-search-input", "gradient");
        await p.Page.WaitForSelectorAsync("#book-search-results a");
        // Kept after the run (outside the fixture's folder) for a reader to open.
        var path = Path.Combine(Path.GetTempPath(), $"bookish-book-{width}.png");
        await p.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine(path);
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}
