using Xunit;
using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary><c>bookish parity</c> as a process: exit codes 0 / 1 / 2 and the three report formats.</summary>
[Collection("every-node")]
public sealed class Parity_cli_tests(EveryNodeFixture fixture, ITestOutputHelper output)
{
    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bookish.Cli.dll"));
        psi.ArgumentList.Add("parity");
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "bookish parity did not finish within 120 s");
        output.WriteLine(stdout.Result + stderr.Result);
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Agreeing_outputs_exit_0_and_print_the_time_taken()
    {
        var (code, _, err) = Run(fixture.Good.Folder, fixture.Good.PdfPath);
        Assert.Equal(0, code);
        Assert.Matches(@"agree .* in \d+ ms", err);
    }

    [Fact]
    public void Differing_outputs_exit_1_with_GitHub_annotations_at_the_source_line()
    {
        var edited = Path.Combine(Repo.Scratch, "cli-differ.html");
        File.WriteAllText(edited, File.ReadAllText(fixture.Good.HtmlPath).Replace("vector calculus", "elements"));
        var (code, stdout, _) = Run(edited, fixture.Good.PdfPath, "--format", "github");
        Assert.Equal(1, code);
        Assert.Matches(@"::error file=index\.md,line=\d+,title=Parity \(prose\)::", stdout);
    }

    [Fact]
    public void Json_format_lists_the_differences_for_tools()
    {
        var edited = Path.Combine(Repo.Scratch, "cli-json.html");
        File.WriteAllText(edited, File.ReadAllText(fixture.Good.HtmlPath).Replace("vector calculus", "elements"));
        var (code, stdout, _) = Run(edited, fixture.Good.PdfPath, "--format", "json");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        var first = json.RootElement.GetProperty("differences")[0];
        Assert.Equal("prose", first.GetProperty("kind").GetString());
        Assert.StartsWith("index.md:", first.GetProperty("source").GetString());
    }

    [Fact]
    public void A_missing_PDF_exits_2_with_a_clear_message()
    {
        var (code, _, err) = Run(fixture.Good.HtmlPath, Path.Combine(Repo.Scratch, "nothing-here.pdf"));
        Assert.Equal(2, code);
        Assert.Contains("PDF not found", err);
    }

    [Fact]
    public void A_corrupt_PDF_exits_2_with_a_clear_message()
    {
        var corrupt = Path.Combine(Repo.Scratch, "corrupt.pdf");
        File.WriteAllText(corrupt, "%PDF-1.5\nthis is not a PDF at all\n");
        var (code, _, err) = Run(fixture.Good.HtmlPath, corrupt);
        Assert.Equal(2, code);
        Assert.Contains("cannot read the PDF", err);
    }
}
