using Bookish.Publishing;
using Microsoft.Playwright;
using Xunit;

namespace Bookish.IntegrationTests.Browser;

/// <summary>
/// Builds the content article once (real TeX, temp output and cache) and launches one headless Debian Chromium
/// shared by every browser test. Each test opens its own context (viewport, colour scheme) and page.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bookish-browser-" + Guid.NewGuid().ToString("N"));

    public IBrowser Browser { get; private set; } = null!;
    public BuildResult Article { get; private set; } = null!;
    /// <summary>file:// URL of the content article's index.html.</summary>
    public string ArticleUrl { get; private set; } = "";
    public string TempRoot => _root;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var source = Path.Combine(RepositoryRoot, "content", "vector-derivatives");
        Article = await Publisher.BuildAsync(new BuildOptions(source)
        {
            OutputDirectory = Path.Combine(_root, "article"),
            Pdf = false,
            CacheDirectory = Path.Combine(_root, "cache"),
        });
        if (!Article.Succeeded)
            throw new InvalidOperationException("the content article did not build: " +
                string.Join(Environment.NewLine, Article.Diagnostics.Where(d => d.IsError)));
        ArticleUrl = new Uri(Path.Combine(Article.OutputDirectory, "index.html")).AbsoluteUri;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Builds a further document (e.g. a test's own Markdown) with the same settings; returns its file:// URL.</summary>
    public async Task<string> BuildAsync(string input, string name)
    {
        var result = await Publisher.BuildAsync(new BuildOptions(input)
        {
            OutputDirectory = Path.Combine(_root, name),
            Pdf = false,
            CacheDirectory = Path.Combine(_root, "cache"),
        });
        if (!result.Succeeded)
            throw new InvalidOperationException($"{input} did not build: " +
                string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.IsError)));
        var html = Directory.GetFiles(result.OutputDirectory, "*.html").OrderBy(f => f).First();
        return new Uri(html).AbsoluteUri;
    }

    /// <summary>A new page in a fresh context of the given viewport width (and colour scheme), at the article.</summary>
    public async Task<BrowserPage> OpenAsync(int width, ColorScheme scheme = ColorScheme.Light, int height = 800, string? url = null,
        float deviceScaleFactor = 1)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            DeviceScaleFactor = deviceScaleFactor,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url ?? ArticleUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.EvaluateAsync("() => document.fonts.ready");
        return new BrowserPage(page);
    }

    public static string RepositoryRoot => Support.Repo.Root;

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
