using AngleSharp.Html.Parser;
using Bookish.Diagnostics;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Python;

/// <summary>
/// Python cells for real: Debian's Python in the bubblewrap sandbox, real TeX for the PDF, PdfPig to read it back.
/// Each test builds with execution, so each takes several seconds (the first matplotlib import dominates).
/// </summary>
public sealed class PythonCellTests
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromSeconds(12);

    private static Task<BuildResult> Build(string input, string dir, bool execute = true, bool refresh = false) =>
        Publisher.BuildAsync(new BuildOptions(input)
        {
            OutputDirectory = Path.Combine(dir, "site"),
            CacheDirectory = Path.Combine(dir, "cache"),
            Execute = execute,
            RefreshPython = refresh,
            PythonCellTimeout = CellTimeout,
        });

    private static AngleSharp.Html.Dom.IHtmlDocument Page(BuildResult result, string name) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputDirectory, name)));

    private static string PdfText(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Theory]
    [InlineData(true, "index.html", 52, 55)]
    [InlineData(false, "sprouts.html", 30, 33)]
    public async Task The_bean_article_runs_its_cells_and_shows_output_table_figures_and_value_in_page_and_pdf(bool markdown, string pageName, int divisionLine, int loopLine)
    {
        var dir = Repo.TempDirectory();
        var input = PythonArticles.Write(dir, markdown);

        var result = await Build(input, dir);

        // The exception is reported at the line that raised it, the endless loop at its cell; both are errors (exit 1).
        var exception = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.PythonException.Id);
        Assert.Equal(divisionLine, exception.Span.Line);
        Assert.Contains("ZeroDivisionError", exception.Message);
        var loop = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.PythonTimeout.Id);
        Assert.Equal(loopLine, loop.Span.Line);
        Assert.Equal(BuildKind.Errors, result.Kind);
        Assert.Equal(1, result.PythonProcesses);

        var page = Page(result, pageName);
        var outputs = page.QuerySelectorAll("pre code.language-output").Select(c => c.TextContent).ToList();
        Assert.Contains(outputs, o => o.Contains("5 weeks of data"));
        Assert.Contains(outputs, o => o.Contains("ZeroDivisionError") && o.Contains($"line {divisionLine}"));
        // The data frame is a real table: a header with the columns, one row per week.
        var table = Assert.Single(page.QuerySelectorAll("main table"));
        Assert.Contains("height_cm", table.QuerySelector("thead")!.TextContent);
        Assert.Equal(5, table.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("12.4", table.TextContent);
        // Two numbered figures drawn by matplotlib as inline SVG, the second one at the side.
        var figures = page.QuerySelectorAll("figure.plot.python").ToList();
        Assert.Equal(2, figures.Count);
        Assert.All(figures, f => Assert.NotNull(f.QuerySelector("svg")));
        Assert.True(figures[1].ClassList.Contains("side"));
        Assert.Contains("Figure 1", figures[0].QuerySelector("figcaption")!.TextContent);
        Assert.Contains("Leaves per week", figures[1].QuerySelector("figcaption")!.TextContent);
        // The inline value: at most 4 decimals in Markdown (no 2.4750000000000001), bookish's %.4f in the legacy dialect.
        var gain = markdown ? "2.475" : "2.4750";
        Assert.Contains($"Average weekly gain: {gain} cm", page.QuerySelector("main")!.TextContent);

        var pdf = PdfText(result.PdfPath!);
        Assert.Contains("5 weeks of data", pdf);
        Assert.Contains("height_cm", pdf);
        Assert.Contains("2.475", pdf);
        Assert.Contains("Leaves per week", pdf);
        Assert.Contains("ZeroDivisionError", pdf);
        Assert.Contains("The end: the sprout kept growing.", pdf);

        // The page and the PDF say the same thing.
        var parity = Bookish.Checks.Parity.ParityChecker.Compare(result.OutputDirectory, result.PdfPath!);
        Assert.Null(parity.InputError);
        Assert.True(!parity.Differences.Any(), Bookish.Checks.Parity.ParityFormatter.Format(parity, "text"));

        // A second build runs no Python at all: every cell, the failures included, comes from the freeze cache.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var again = await Build(input, dir);
        watch.Stop();
        Assert.Equal(0, again.PythonProcesses);
        Assert.Equal(0, again.PythonCellsRun);
        Assert.True(again.PythonCellsFromCache >= 6, $"{again.PythonCellsFromCache} cells from the cache");
        Assert.True(watch.Elapsed < CellTimeout, $"the cached build took {watch.Elapsed.TotalSeconds:0.0} s, longer than the loop's timeout");
        var second = Page(again, pageName);
        Assert.Equal(2, second.QuerySelectorAll("figure.plot.python svg").Length);
        Assert.Contains($"Average weekly gain: {gain} cm", second.QuerySelector("main")!.TextContent);
        Assert.Equal([divisionLine, loopLine], again.Diagnostics.Where(d => d.Id is "BK1500" or "BK1501").Select(d => d.Span.Line).Order());
    }

    [Fact]
    public async Task A_build_without_execute_shows_the_code_and_runs_no_Python()
    {
        var dir = Repo.TempDirectory();
        var input = PythonArticles.Write(dir, markdown: true);
        File.WriteAllText(input, PythonArticles.Markdown.Replace("execute: true\n", ""));

        var result = await Build(input, dir, execute: false);

        Assert.Equal(0, result.PythonProcesses);
        Assert.Equal(7, result.Diagnostics.Count(d => d.Id == DiagnosticIds.PythonNotExecuted.Id));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var page = Page(result, "index.html");
        Assert.Equal(5, page.QuerySelectorAll("pre code.language-python").Length); // one cell hides its code
        Assert.Contains("beans.height_cm.diff().mean()", page.QuerySelector("main p code")!.TextContent);
    }

    [Fact]
    public async Task A_cell_cannot_read_the_callers_secrets_or_files_outside_reach_the_network_or_write_outside_its_copy()
    {
        var dir = Repo.TempDirectory();
        var secret = "canary-" + Guid.NewGuid().ToString("N");
        var outsideFile = Path.Combine(dir, "outside-secret.txt");
        File.WriteAllText(outsideFile, secret);
        var project = Path.Combine(dir, "project");
        Directory.CreateDirectory(project);
        Environment.SetEnvironmentVariable("BOOKISH_PYTHON_TEST_SECRET", secret);
        var written = Path.Combine(dir, "written-by-a-cell.txt");
        // The page shows the cell's code: the secret is written there backwards, so only a leak can put it in the output.
        var reversed = new string(secret.Reverse().ToArray());
        File.WriteAllText(Path.Combine(project, "index.md"), $$"""
            ---
            title: A curious cell
            execute: true
            ---

            ```{python}
            import os, socket
            needle = "{{reversed}}"[::-1]
            environ = open("/proc/self/environ", "rb").read().decode(errors="replace")
            print("canary in environ:", needle in environ or any(needle in v for v in os.environ.values()))
            try:
                print("outside file:", open(r"{{outsideFile}}").read())
            except OSError as e:
                print("outside file: refused", type(e).__name__)
            try:
                socket.create_connection(("1.1.1.1", 53), timeout=3)
                print("network: reached")
            except OSError as e:
                print("network: refused", type(e).__name__)
            try:
                open(r"{{written}}", "w").write("x")
                print("write outside: done")
            except OSError as e:
                print("write outside: refused", type(e).__name__)
            open("made-by-a-cell.txt", "w").write("x")
            print("write inside: done")
            ```

            """);
        try
        {
            var result = await Build(project, dir);

            var output = Assert.Single(Page(result, "index.html").QuerySelectorAll("pre code.language-output")).TextContent;
            Assert.Contains("canary in environ: False", output);
            Assert.Contains("outside file: refused", output);
            Assert.Contains("network: refused", output);
            Assert.Contains("write outside: refused", output);
            Assert.Contains("write inside: done", output);
            Assert.DoesNotContain(secret, output);
            Assert.False(File.Exists(written));
            // The cell wrote into a private copy of the project, which is gone: the project is untouched.
            Assert.False(File.Exists(Path.Combine(project, "made-by-a-cell.txt")));
            foreach (var file in Directory.EnumerateFiles(result.OutputDirectory, "*", SearchOption.AllDirectories))
                Assert.DoesNotContain(secret, File.ReadAllText(file));
        }
        finally
        {
            Environment.SetEnvironmentVariable("BOOKISH_PYTHON_TEST_SECRET", null);
        }
    }

    [Fact]
    public async Task The_simple_corpus_book_builds_with_its_cells_executed_in_page_and_pdf()
    {
        var dir = Repo.TempDirectory();
        var result = await Build(Repo.Corpus("bookish-simple", "book.xml"), dir);

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.PythonNotExecuted.Id);
        Assert.Equal(3, result.PythonCellsRun);
        var chap1 = Page(result, "chap1.html");
        Assert.Contains(chap1.QuerySelectorAll("pre code.language-output"), c => c.TextContent.Contains("hi from chap1"));
        var chap2 = Page(result, "chap2.html");
        var table = Assert.Single(chap2.QuerySelectorAll("main table"));
        Assert.Equal(3, table.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Some 432 inline code.", chap2.QuerySelector("main")!.TextContent);
        var pdf = PdfText(result.PdfPath!);
        Assert.Contains("hi from chap1", pdf);
        Assert.Contains("Some 432 inline code.", pdf);
    }
}
