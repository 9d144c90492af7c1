using Xunit;
using Bookish.Checks.Parity;
using Bookish.Publishing;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary>
/// The shared corpus, read where it lies: the 2018 Markdown-era paper (whose arrays hold "(1)" that is no equation
/// number, and whose missing images the PDF prints as their paths) and the legacy two-chapter book.
/// </summary>
public sealed class Parity_shared_corpus_tests(ITestOutputHelper output)
{
    private async Task<ParityReport> BuildAndCompare(string input, string name)
    {
        var folder = Path.Combine(Repo.Scratch, "shared-" + name);
        var result = await Publisher.BuildAsync(new BuildOptions(input) { OutputDirectory = folder, CacheDirectory = Repo.CacheDirectory });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.NotNull(result.PdfPath);
        return ParityChecker.Compare(folder, result.PdfPath!);
    }

    [Fact]
    public async Task The_markdown_era_paper_has_no_differences()
    {
        var report = await BuildAndCompare(Support.Repo.Corpus("matrix-calculus-md", "matrix-calculus.json"), "md");
        ParityAssert.Agree(report, output);
        Assert.True(report.Stats!.Equations > 100, report.Stats.ToString());
    }

    [Fact]
    public async Task The_legacy_book_compares_both_chapters_and_has_no_differences()
    {
        var report = await BuildAndCompare(Support.Repo.Corpus("bookish-simple", "book.xml"), "simple-book");
        ParityAssert.Agree(report, output);
        Assert.True(report.Stats!.Headings >= 3 && report.Stats.HtmlWords > 40, report.Stats.ToString());
    }
}
