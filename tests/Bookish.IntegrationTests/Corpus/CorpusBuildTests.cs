using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Corpus;

/// <summary>The legacy corpus from ../shared/corpus regenerated end to end: HTML and PDF, real TeX.</summary>
public sealed class CorpusBuildTests
{
    private static async Task<BuildResult> Build(string input)
    {
        var dir = Repo.TempDirectory();
        return await Publisher.BuildAsync(new BuildOptions(input) { OutputDirectory = Path.Combine(dir, "site"), CacheDirectory = Path.Combine(dir, "cache") });
    }

    [Fact]
    public async Task The_matrix_calculus_paper_regenerates_with_every_equation_table_image_and_link()
    {
        var result = await Build(Repo.Corpus("matrix-calculus", "article.xml"));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal(result.MathFragments, result.MathRendered);
        Assert.True(result.MathFragments >= 400, $"{result.MathFragments} distinct equations");

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputDirectory, "index.html")));
        Assert.Equal(596, page.QuerySelectorAll("main span.math.inline, header span.math.inline").Length);
        Assert.Equal(114, page.QuerySelectorAll("div.math.display:not(.raw)").Length);
        Assert.Equal(5, page.QuerySelectorAll("div.math.display.raw").Length);
        Assert.Empty(page.QuerySelectorAll(".math.error"));
        var tables = page.QuerySelectorAll("main table").ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal(33, tables.Sum(t => t.QuerySelectorAll("span.math.inline").Length));
        var images = page.QuerySelectorAll("main img").ToList();
        Assert.Equal(4, images.Count);
        Assert.All(images, i => Assert.True(File.Exists(Path.Combine(result.OutputDirectory, i.GetAttribute("src")!)), i.GetAttribute("src")));
        // The source's links: 44 to the web, one mailto, two to the paper's own reference section.
        var links = page.QuerySelectorAll("a[href]").Where(a => a.Closest("nav") is null && !a.ClassList.Contains("anchor") && !a.ClassList.Contains("xref") && !a.ClassList.Contains("skip-link")).ToList();
        Assert.Equal(47, links.Count);
        Assert.Equal(44, links.Count(a => a.GetAttribute("href")!.StartsWith("http", StringComparison.Ordinal)));

        using var pdf = PdfDocument.Open(result.PdfPath!);
        Assert.True(pdf.NumberOfPages > 20);
        Assert.Equal("The Matrix Calculus You Need For Deep Learning", pdf.Information.Title);

        // The regenerated page and PDF say the same thing.
        var parity = Bookish.Checks.Parity.ParityChecker.Compare(result.OutputDirectory, result.PdfPath!);
        Assert.Null(parity.InputError);
        Assert.True(!parity.Differences.Any(), Bookish.Checks.Parity.ParityFormatter.Format(parity, "text"));
    }

    [Fact]
    public async Task The_markdown_era_version_builds()
    {
        var result = await Build(Repo.Corpus("matrix-calculus-md", "matrix-calculus.json"));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.True(result.MathFragments >= 400);
        Assert.NotNull(result.PdfPath);
    }

    [Fact]
    public async Task The_simple_book_gives_an_index_page_and_one_page_per_chapter()
    {
        var result = await Build(Repo.Corpus("bookish-simple", "book.xml"));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Contains(result.Diagnostics, d => d.Id == "BK1101");
        foreach (var name in new[] { "index.html", "chap1.html", "chap2.html" })
            Assert.True(File.Exists(Path.Combine(result.OutputDirectory, name)), name);
        var index = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputDirectory, "index.html")));
        var toc = index.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("chap1.html", toc);
        Assert.Contains("chap2.html", toc);
        var chapter = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputDirectory, "chap1.html")));
        Assert.NotNull(chapter.QuerySelector("a[rel=next][href='chap2.html']"));
        Assert.NotNull(result.PdfPath);
    }

    [Fact]
    public async Task Convert_round_trips_the_paper_through_markdown_with_the_same_equations()
    {
        var dir = Repo.TempDirectory();
        var r = await BookishProcess.RunAsync(["convert", Repo.Corpus("matrix-calculus", "article.xml"), "-o", Path.Combine(dir, "md")]);
        Assert.Equal(0, r.ExitCode);
        var original = await Build(Repo.Corpus("matrix-calculus", "article.xml"));
        var converted = await Build(Path.Combine(dir, "md"));
        Assert.DoesNotContain(converted.Diagnostics, d => d.IsError);
        Assert.Equal(original.MathFragments, converted.MathFragments);
        static List<string> Headings(string folder) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(folder, "index.html")))
            .QuerySelectorAll("main h2, main h3, main h4").Select(h => h.TextContent.TrimEnd('#').Trim()).ToList();
        Assert.Equal(Headings(original.OutputDirectory), Headings(converted.OutputDirectory));
    }
}
