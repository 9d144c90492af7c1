using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Pipeline;

/// <summary>The real CLI as a process: exit codes, diagnostics, atomic output.</summary>
public sealed class BuildCommandTests
{
    private const string Broken = """
        ---
        title: Broken
        ---

        # One

        Fine $a^2$ and broken $\frac{1}{$ here.

        More $b$ after it.
        """;

    [Fact]
    public async Task A_broken_equation_is_reported_at_its_line_and_column_the_rest_is_written_and_the_exit_code_is_1()
    {
        var doc = Repo.WriteDocument(Broken);
        var output = Path.Combine(Path.GetDirectoryName(doc)!, "out");
        var r = await BookishProcess.RunAsync(["build", doc, "-o", output, "--cache-dir", Path.Combine(Path.GetDirectoryName(doc)!, "cache")]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{doc}:7:23: error BK2001: !", r.StandardError);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal(2, page.QuerySelectorAll("span.math.inline svg").Length);
        Assert.Single(page.QuerySelectorAll("span.math.error"));
        Assert.True(File.Exists(Path.Combine(output, "doc.pdf")), "the PDF is still written, with a marker for the broken equation");
    }

    [Fact]
    public async Task Json_format_prints_diagnostics_as_json()
    {
        var doc = Repo.WriteDocument(Broken);
        var r = await BookishProcess.RunAsync(["build", doc, "--no-pdf", "--format", "json", "-o", Path.Combine(Path.GetDirectoryName(doc)!, "o")]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("\"id\": \"BK2001\"", r.StandardError);
        Assert.Contains("\"line\": 7", r.StandardError);
    }

    [Fact]
    public async Task Bad_usage_exits_with_2()
    {
        var r = await BookishProcess.RunAsync(["build", "--no-such-option"]);
        Assert.Equal(2, r.ExitCode);
        var r2 = await BookishProcess.RunAsync(["frobnicate"]);
        Assert.Equal(2, r2.ExitCode);
    }

    [Fact]
    public async Task A_missing_TeX_installation_exits_with_3_and_names_the_package()
    {
        var doc = Repo.WriteDocument("# T\n\n$x$\n");
        var dotnetDir = Path.GetDirectoryName(Environment.ProcessPath!)!;
        var r = await BookishProcess.RunAsync(["build", doc, "--no-cache", "-o", Path.Combine(Path.GetDirectoryName(doc)!, "o")],
            environment: new Dictionary<string, string?> { ["PATH"] = dotnetDir });
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("apt-get install", r.StandardError);
        Assert.Contains("texlive", r.StandardError);
    }

    [Fact]
    public async Task A_build_that_dies_before_publishing_leaves_the_previous_output_whole()
    {
        var doc = Repo.WriteDocument("# T\n\nFirst $x$.\n");
        var output = Path.Combine(Path.GetDirectoryName(doc)!, "out");
        var cache = Path.Combine(Path.GetDirectoryName(doc)!, "cache");
        var ok = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = output, CacheDirectory = cache });
        Assert.True(ok.Succeeded);
        var before = Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        File.WriteAllText(doc, "# T\n\nSecond $y$.\n");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Publisher.BuildAsync(new BuildOptions(doc)
        {
            OutputDirectory = output, CacheDirectory = cache,
            BeforeSwap = _ => throw new InvalidOperationException("killed"),
        }));
        var after = Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (k, v) in before) Assert.Equal(v, after[k]);
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(output)!, ".out.staging-*"));
    }

    [Fact]
    public async Task Killing_the_process_mid_build_leaves_the_previous_output_whole()
    {
        var doc = Repo.WriteDocument("# T\n\n" + string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Para $x_{{{i}}} + {i}$.")));
        var dir = Path.GetDirectoryName(doc)!;
        var output = Path.Combine(dir, "out");
        var first = await BookishProcess.RunAsync(["build", doc, "-o", output, "--cache-dir", Path.Combine(dir, "c1")]);
        Assert.Equal(0, first.ExitCode);
        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        File.AppendAllText(doc, "\n\nNew paragraph $z$.\n");
        // Killed once its equations are typeset (the trace says so), before it can publish: the native command builds
        // this document in well under a second, so a fixed delay no longer lands mid-build.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stopped = false;
        try
        {
            await BookishProcess.Command(["build", doc, "-o", output, "--no-cache"])
                .WithEnvironmentVariables(e => e.Set("BOOKISH_TRACE", "1"))
                .WithStandardErrorPipe(CliWrap.PipeTarget.ToDelegate(line =>
                {
                    if (!line.Contains("end math", StringComparison.Ordinal)) return;
                    stopped = true;
                    cts.Cancel();
                }))
                .WithValidation(CliWrap.CommandResultValidation.None).ExecuteAsync(cts.Token);
        }
        catch (OperationCanceledException) { }
        Assert.True(stopped, "the build was not stopped mid-way");
        Assert.Equal(html, File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "doc.pdf")));
    }

    [Fact]
    public async Task Two_concurrent_builds_of_one_document_both_succeed_with_identical_output()
    {
        var doc = Repo.WriteDocument("# T\n\n" + string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"P $\\alpha_{{{i}}}$ and $$\\sum_{{k={i}}}^n k$$")));
        var dir = Path.GetDirectoryName(doc)!;
        var cache = Path.Combine(dir, "shared-cache");
        var a = Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "a"), CacheDirectory = cache, Pdf = false });
        var b = Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "b"), CacheDirectory = cache, Pdf = false });
        var results = await Task.WhenAll(a, b);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "a", "index.html")), File.ReadAllText(Path.Combine(dir, "b", "index.html")));
    }
}
