using System.Text.Json;
using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Serve;

/// <summary>
/// <c>bookish serve</c> gives screen readers the same MathML a build writes: an equation added while serving has its
/// MathML in the served page after the rebuild (real TeX, real KaTeX).
/// </summary>
public sealed class ServeMathMLTests(ServeCache cache, ITestOutputHelper output) : IClassFixture<ServeCache>
{
    private const string Article = """
        ---
        title: Areas under curves
        ---

        # A first integral

        The area under $y = t$ from $0$ to $1$ is one half:

        $$
        \int_0^1 t \, dt = \frac{1}{2}
        $$

        """;

    private const string Added = """
        And the square root, which MathJax authors write the same way:

        $$
        \int_0^1 \sqrt{t} \, dt = \tfrac{2}{3}
        $$

        """;

    private static AngleSharp.Dom.IElement? Display(string page, string texPart) =>
        new HtmlParser().ParseDocument(page).QuerySelectorAll("div.math.display")
            .FirstOrDefault(d => d.QuerySelector(".math-image")?.GetAttribute("data-tex")?.Contains(texPart, StringComparison.Ordinal) == true);

    [Fact(Timeout = 240_000)]
    public async Task A_new_equation_saved_while_serving_has_its_MathML_in_the_served_page()
    {
        var dir = Repo.TempDirectory("bookish-serve-mathml-");
        File.WriteAllText(Path.Combine(dir, "index.md"), Article);
        await using var serve = await ServeProcess.StartAsync(dir, dir, cache.Folder, "--no-pdf");
        var first = await serve.BuiltAsync();
        var before = await serve.PageAsync();
        // The first build's equations carry MathML, inline and display.
        Assert.NotNull(Display(before, @"\frac{1}{2}")?.QuerySelector(".math-ml math mfrac"));
        Assert.NotEmpty(new HtmlParser().ParseDocument(before).QuerySelectorAll("span.math.inline .math-ml math"));

        File.WriteAllText(Path.Combine(dir, "index.md"), Article + Added);
        var state = await serve.WaitForAsync(s => s.GetProperty("version").GetInt32() > first.GetProperty("version").GetInt32(), "the rebuild");
        output.WriteLine($"rebuild with one new equation: {state.GetProperty("elapsedMs").GetDouble()} ms, {state.GetProperty("newEquations").GetInt32()} new");
        Assert.Equal(1, state.GetProperty("newEquations").GetInt32());

        var after = await serve.PageAsync();
        var added = Display(after, @"\sqrt{t}");
        Assert.NotNull(added);
        Assert.DoesNotContain("error", added!.ClassList);
        Assert.NotNull(added.QuerySelector(".math-ml math msqrt"));
    }
}
