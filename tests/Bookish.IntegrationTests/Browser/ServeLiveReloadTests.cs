using System.Text;
using Bookish.IntegrationTests.Serve;
using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>
/// <c>bookish serve</c> in real Chromium: an edited paragraph appears without a manual reload and the reader stays
/// where they were; a broken equation brings up the overlay naming its line; the fix takes it away.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServeLiveReloadTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>A long note (so the page scrolls) with one display equation near the place the reader scrolls to.</summary>
    private static string Document(string paragraph, string equation)
    {
        var text = new StringBuilder("---\ntitle: Walking downhill\n---\n\n# Steps\n\n");
        for (var i = 1; i <= 30; i++)
            text.Append($"Step {i}: take a small step $\\eta_{{{i}}}$ against the gradient, look around, and write down how far the valley floor still seems to be.\n\n");
        text.Append(paragraph).Append("\n\n$$\n").Append(equation).Append("\n$$\n\n");
        for (var i = 31; i <= 50; i++)
            text.Append($"Step {i}: the slope flattens; the steps $\\eta_{{{i}}}$ shrink, and the notebook fills with smaller numbers.\n\n");
        return text.ToString();
    }

    private const string Equation = @"x_{k+1} = x_k - \eta \nabla f(x_k)";

    [Fact(Timeout = 300_000)]
    public async Task Edits_reload_the_page_in_place_and_a_broken_equation_shows_the_overlay_until_it_is_fixed()
    {
        var dir = Repo.TempDirectory("bookish-serve-browser-");
        var path = Path.Combine(dir, "index.md");
        File.WriteAllText(path, Document("The update rule is short enough to remember.", Equation));
        await using var serve = await ServeProcess.StartAsync(dir, dir, Path.Combine(browser.TempRoot, "serve-cache"), "--no-pdf");
        await serve.BuiltAsync();

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 700 } });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(serve.Url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.WaitForFunctionAsync("() => document.querySelector('.bookish-serve-dot.on') !== null");
            // Scroll so the paragraph about the update rule is in view.
            await page.EvaluateAsync("() => { const p = [...document.querySelectorAll('p')].find(p => p.textContent.includes('update rule')); window.scrollTo(0, p.offsetTop - 200); }");
            var scrolled = await page.EvaluateAsync<double>("() => scrollY");
            Assert.True(scrolled > 1000, $"the page should scroll far (scrollY {scrolled})");

            File.WriteAllText(path, Document("The update rule is short enough to remember, and easy to get wrong.", Equation));
            await WaitAsync(page, "() => document.body.innerText.includes('easy to get wrong') && document.readyState === 'complete' && document.querySelector('.bookish-serve-dot.on') !== null");
            var after = await page.EvaluateAsync<double>("() => scrollY");
            Assert.InRange(after, scrolled - 20, scrolled + 20);

            File.WriteAllText(path, Document("The update rule is short enough to remember, and easy to get wrong.", @"x_{k+1} = x_k - \frac{\eta \nabla f(x_k)"));
            await WaitAsync(page, "() => { const o = document.querySelector('.bookish-serve-overlay'); return o && !o.hidden; }");
            var where = await page.EvaluateAsync<string>("() => document.querySelector('.bookish-serve-overlay .bookish-serve-where').textContent");
            var line = File.ReadAllLines(path).Select((l, i) => (l, i)).First(x => x.l.Contains(@"\frac")).i + 1;
            output.WriteLine("overlay: " + where);
            Assert.Matches(@"index\.md:\d+:\d+$", where);
            var shown = int.Parse(where.Split(':')[^2]);
            Assert.InRange(shown, line - 1, line);
            var message = await page.EvaluateAsync<string>("() => document.querySelector('.bookish-serve-overlay').textContent");
            Assert.Contains("BK2001", message);
            // The page under the overlay is still there, at the same place.
            Assert.InRange(await page.EvaluateAsync<double>("() => scrollY"), scrolled - 20, scrolled + 20);
            var folder = Path.Combine(Repo.Root, "output", "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "serve-overlay.png") });

            File.WriteAllText(path, Document("The update rule is short enough to remember, and easy to get wrong.", Equation));
            await WaitAsync(page, "() => { const o = document.querySelector('.bookish-serve-overlay'); return o && o.hidden; }");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Waits for a condition across the reloads serve triggers (a reload destroys the context a wait runs in).</summary>
    private static async Task WaitAsync(IPage page, string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await page.EvaluateAsync<bool>(condition)) return;
            }
            catch (PlaywrightException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException("waited 90 s for " + condition);
    }
}
