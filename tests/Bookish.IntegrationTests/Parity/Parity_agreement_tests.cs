using Xunit;
using Bookish.Checks.Parity;
using Bookish.Publishing;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

[Collection("every-node")]
public sealed class Parity_agreement_tests(EveryNodeFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void The_every_node_document_has_no_differences()
    {
        ParityAssert.Agree(fixture.GoodReport, output);
        var stats = fixture.GoodReport.Stats!;
        Assert.True(stats.Headings >= 5 && stats.Equations >= 4 && stats.Figures == 1 && stats.Tables == 1 && stats.Links >= 4 && stats.Notes == 2, stats.ToString());
    }

    [Fact]
    public void Words_hyphenated_at_PDF_line_ends_are_joined()
    {
        // The narrow Meaning column of the notation table makes TeX hyphenate; the check still finds the whole words.
        var pdftotext = ProcessText("pdftotext", "-layout", fixture.Good.PdfPath, "-");
        output.WriteLine(pdftotext);
        Assert.Matches(@"(uncharacter|interdisc|internation|counterrev)[a-z]*-(\s|$)", pdftotext);
        ParityAssert.Agree(fixture.GoodReport, output);
    }

    [Fact]
    public async Task The_content_article_built_by_the_publisher_has_no_differences()
    {
        var folder = Path.Combine(Repo.Scratch, "content-article");
        var result = await Publisher.BuildAsync(new BuildOptions(Repo.ContentArticle) { OutputDirectory = folder, CacheDirectory = Repo.CacheDirectory });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        var report = ParityChecker.Compare(folder, result.PdfPath!);
        ParityAssert.Agree(report, output);
        Assert.True(report.Stats!.Equations >= 10, report.Stats.ToString());
        Assert.Empty(ParityDiagnostics.ForBuild(result));
    }

    [Fact]
    public void A_second_comparison_in_a_warm_process_is_fast()
    {
        ParityChecker.Compare(fixture.Good.HtmlPath, fixture.Good.PdfPath);
        var report = ParityChecker.Compare(fixture.Good.HtmlPath, fixture.Good.PdfPath);
        output.WriteLine($"warm comparison of the every-node document: {report.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(2), report.Elapsed.ToString());
    }

    private static string ProcessText(string file, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit(30_000);
        return text;
    }
}
