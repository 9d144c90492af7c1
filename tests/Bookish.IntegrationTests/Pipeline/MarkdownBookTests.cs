using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Pipeline;

/// <summary>A Markdown book: an index with chapters, one page per chapter, navigation and cross-page references.</summary>
public sealed class MarkdownBookTests
{
    [Fact]
    public async Task A_folder_with_chapters_gives_one_page_per_chapter_an_index_and_working_cross_references()
    {
        var dir = Repo.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "index.md"), "---\ntitle: A Small Book\nchapters: [one.md, two.md]\n---\n\nWelcome. Start with @sec:first.\n");
        File.WriteAllText(Path.Combine(dir, "one.md"), "# First steps {#sec:first}\n\n\\begin{equation}\na = b \\label{eq:ab}\n\\end{equation}\n");
        File.WriteAllText(Path.Combine(dir, "two.md"), "# Second steps\n\nAs \\eqref{eq:ab} showed in @sec:first.\n");
        var result = await Publisher.BuildAsync(new BuildOptions(dir) { OutputDirectory = Path.Combine(dir, "out"), CacheDirectory = Path.Combine(dir, "cache") });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var parser = new HtmlParser();
        var index = parser.ParseDocument(File.ReadAllText(Path.Combine(dir, "out", "index.html")));
        Assert.Equal(["one.html", "two.html"], index.QuerySelectorAll("nav.toc a[href$='.html']").Select(a => a.GetAttribute("href")).ToList());
        var two = parser.ParseDocument(File.ReadAllText(Path.Combine(dir, "out", "two.html")));
        var refs = two.QuerySelectorAll("a.xref").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("one.html#eq:ab", "(1.1)"), refs);
        Assert.Contains(refs, r => r.Item1 == "one.html#sec:first");
        Assert.NotNull(two.QuerySelector("a[rel=prev][href='one.html']"));
        Assert.NotNull(result.PdfPath);
    }

    [Fact]
    public async Task A_chapter_without_a_title_is_headed_alike_in_the_page_and_the_PDF_so_parity_agrees()
    {
        var dir = Repo.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "index.md"), "---\ntitle: Ein kleines Buch\nchapters: [grundlagen.md]\n---\n\nVorwort.\n");
        File.WriteAllText(Path.Combine(dir, "grundlagen.md"), "# Grundlagen der *Analysis*\n\nEine Funktion $f\\colon \\mathbb{R}\\to\\mathbb{R}$.\n");
        var output = Path.Combine(dir, "out");

        var result = await Publisher.BuildAsync(new BuildOptions(dir) { OutputDirectory = output, CacheDirectory = Path.Combine(dir, "cache") });

        Assert.Equal(BuildKind.Succeeded, result.Kind);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "grundlagen.html")));
        Assert.Equal("Grundlagen der Analysis", page.QuerySelector("header h1")?.TextContent);
        var parity = Bookish.Checks.Parity.ParityChecker.Compare(output, result.PdfPath!);
        Assert.True(parity.Agree, string.Join("\n", parity.Differences));
    }
}
