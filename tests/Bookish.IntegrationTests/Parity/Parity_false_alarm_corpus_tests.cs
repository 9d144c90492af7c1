using Xunit;
using Bookish.Checks.Parity;
using Bookish.Publishing;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary>
/// Documents written the way authors write (Greek and symbols in prose, glued words, callouts, check blocks,
/// sidenotes, footnotes, nested lists, plots, tables, citations, code, a three-chapter book), each built by the
/// publisher with real TeX and compared: HTML and PDF must agree, with no difference reported.
/// </summary>
public sealed class Parity_false_alarm_corpus_tests(ITestOutputHelper output)
{
    internal static string Corpus(string name) => Path.Combine(Repo.Root, "tests", "Bookish.IntegrationTests", "Parity", "corpus", name);

    internal static async Task<(BuildResult Build, string Folder)> BuildAsync(string name, string? source = null, string? folderName = null)
    {
        var folder = Path.Combine(Repo.Scratch, folderName ?? "corpus-" + name);
        var result = await Publisher.BuildAsync(new BuildOptions(source ?? Corpus(name)) { OutputDirectory = folder, CacheDirectory = Repo.CacheDirectory });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        Assert.NotNull(result.PdfPath);
        return (result, folder);
    }

    [Theory]
    [InlineData("softmax")]
    [InlineData("chain-rule")]
    [InlineData("least-squares")]
    [InlineData("attention")]
    [InlineData("probability")]
    [InlineData("backprop-notes")]
    [InlineData("kernels")]
    [InlineData("regularisation")]
    [InlineData("numerics")]
    [InlineData("diagrams")]
    [InlineData("convolution")]
    [InlineData("optimisation-book")]
    public async Task A_realistic_document_has_no_differences(string name)
    {
        var (build, folder) = await BuildAsync(name);
        var report = ParityChecker.Compare(folder, build.PdfPath!);
        ParityAssert.Agree(report, output);
        Assert.Empty(ParityDiagnostics.ForBuild(build));
    }

    [Fact]
    public async Task The_book_compares_every_chapter_page_with_its_part_of_the_PDF()
    {
        var (build, folder) = await BuildAsync("optimisation-book");
        var report = ParityChecker.Compare(folder, build.PdfPath!);
        ParityAssert.Agree(report, output);
        // Words of all three chapters and the index were compared, not the index page alone.
        Assert.True(report.Stats!.HtmlWords > 350 && report.Stats.Headings >= 9 && report.Stats.Notes == 2 && report.Stats.Equations >= 4, report.Stats.ToString());
    }
}
