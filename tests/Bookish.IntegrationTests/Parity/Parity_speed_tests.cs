using Xunit;
using Bookish.Checks.Parity;
using Bookish.Publishing;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary>
/// Speed on a paper of about 100,000 characters: the 2018 Markdown source of the matrix calculus paper from the shared
/// test corpus, built as it is (the dialect reader is separate work, so its raw HTML lists and old math syntax differ
/// between the outputs; only the time is measured here).
/// </summary>
public sealed class Parity_speed_tests(ITestOutputHelper output)
{
    private static readonly string Corpus = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "corpus", "matrix-calculus-md", "matrix-calculus.md"));

    [Fact]
    public async Task Comparing_the_matrix_calculus_paper_takes_under_two_seconds_of_CPU_when_warm()
    {
        if (!File.Exists(Corpus)) { output.WriteLine("corpus not found: " + Corpus); return; }
        var input = Path.Combine(Repo.Scratch, "matrix-calculus-src");
        Directory.CreateDirectory(input);
        File.Copy(Corpus, Path.Combine(input, "index.md"), true);
        var folder = Path.Combine(Repo.Scratch, "matrix-calculus");
        var result = await Publisher.BuildAsync(new BuildOptions(input) { OutputDirectory = folder, CacheDirectory = Repo.CacheDirectory });
        Assert.NotNull(result.PdfPath);
        var characters = File.ReadAllText(Corpus).Length;

        var cold = ParityChecker.Compare(folder, result.PdfPath!);
        var warm = ParityChecker.Compare(folder, result.PdfPath!);
        output.WriteLine($"{characters} source characters, {warm.Stats!.PdfPages} PDF pages, {warm.Stats.HtmlWords} HTML words");
        output.WriteLine($"first comparison: {cold.Elapsed.TotalMilliseconds:0} ms wall, {cold.Timings["cpu"].TotalMilliseconds:0} ms CPU");
        output.WriteLine($"second comparison: {warm.Elapsed.TotalMilliseconds:0} ms wall, {warm.Timings["cpu"].TotalMilliseconds:0} ms CPU");
        Assert.True(characters > 90_000);
        Assert.Null(warm.InputError);
        // CPU time, not wall time: the machine is shared, and wall time there measures the neighbours.
        Assert.True(warm.Timings["cpu"] < TimeSpan.FromSeconds(2), $"{warm.Timings["cpu"].TotalMilliseconds:0} ms CPU");
    }
}
