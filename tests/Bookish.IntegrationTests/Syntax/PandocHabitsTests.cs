using AngleSharp.Html.Parser;
using Bookish.Checks.Parity;
using Bookish.IntegrationTests.Browser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Syntax;

/// <summary>
/// A post written with Pandoc and Quarto habits (citations of every form, an inline note, smart punctuation, Quarto
/// callouts, theorem-likes with references and a proof) builds with real TeX into a page and a PDF that say the same.
/// </summary>
public sealed class PandocHabitsTests(ITestOutputHelper output)
{
    private static string Source => Path.Combine(Repo.Root, "tests", "Bookish.IntegrationTests", "Syntax", "pandoc-habits");

    private static async Task<BuildResult> BuildAsync(string name)
    {
        var folder = Path.Combine(Repo.TempDirectory("bookish-syntax-"), name);
        return await Publisher.BuildAsync(new BuildOptions(Source) { OutputDirectory = folder, CacheDirectory = Path.Combine(Path.GetTempPath(), "bookish-syntax-cache") });
    }

    [Fact(Timeout = 300_000)]
    public async Task The_document_builds_with_no_diagnostics_and_parity_holds()
    {
        var result = await BuildAsync("out");
        foreach (var d in result.Diagnostics) output.WriteLine(d.ToString());
        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        var report = ParityChecker.Compare(result.OutputDirectory, result.PdfPath!);
        output.WriteLine(ParityFormatter.Text(report));
        Assert.True(report.Agree, ParityFormatter.Text(report));

        var pdf = PdfText.Normalize(PdfText.Words(result.PdfPath!));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputDirectory, "index.html")));
        var html = PdfText.Normalize(page.QuerySelector("article.body, main")!.TextContent);
        // The same words in both: author-year citations with locators, amsthm heads, cross-references, smart punctuation.
        foreach (var phrase in new[]
                 {
                     "(Horn and Johnson 2012, ch. 5; Nocedal and Wright 2006)", "(see Horn and Johnson 2012, pp. 3–5)", "software (2018)",
                     "Baydin et al. (2018) survey", "writes Nocedal and Wright (2006) or", "(Horn and Johnson 2012, p. 12) and gets the same",
                     "Theorem 1 (Chain rule).", "Definition 1 (Jacobian).", "Lemma 1.", "Corollary 1.", "Example 1.", "Exercise 1.",
                     "By Theorem 1 and Lemma 1, with Definition 1 in hand, Corollary 1 follows", "“backward pass”", "again — nothing",
                 })
        {
            Assert.Contains(phrase, html);
            Assert.True(pdf.Contains(phrase, StringComparison.Ordinal), $"the PDF lacks '{phrase}': {pdf}");
        }
        Assert.Equal(3, page.QuerySelectorAll("section.references li").Length);
        Assert.NotNull(page.QuerySelector("details.callout.warning:not([open]) > summary.callout-title"));
        Assert.Contains("Replies take a week", page.QuerySelector("section.footnotes")!.TextContent);
        Assert.Contains("zoe@example.org", html);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_collapsed_callout_opens_when_its_title_is_clicked()
    {
        var result = await BuildAsync("browser");
        Assert.True(result.Succeeded);
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(result.OutputDirectory, "index.html")).AbsoluteUri);
        var body = page.Locator("details.callout.warning p");
        Assert.False(await body.IsVisibleAsync());
        await page.Locator("details.callout.warning summary").ClickAsync();
        Assert.True(await body.IsVisibleAsync());
        // A proof ends with ∎ drawn by the style sheet, not a word of the text.
        var qed = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.theorem-like.proof > :last-child'), '::after').content");
        Assert.Equal("\"∎\"", qed);
    }
}
