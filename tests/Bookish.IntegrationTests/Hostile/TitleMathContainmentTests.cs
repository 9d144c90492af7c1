using Bookish.IntegrationTests.Support;
using Xunit;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// A front-matter title's math reaches TeX now (it is typeset in the page and the PDF): it goes through the same
/// containment as any equation, is reported at the <c>title:</c> line, and both outputs are still written.
/// </summary>
public sealed class TitleMathContainmentTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_title_whose_math_reads_a_file_is_refused_at_its_line_and_both_outputs_are_written()
    {
        var secrets = Repo.TempDirectory("bookish-title-canary-");
        var canary = Path.Combine(secrets, "canary.txt");
        File.WriteAllText(canary, "TITLE-CANARY-5521\n");
        var doc = Repo.WriteDocument($"---\ntitle: 'Leak $\\input{{{canary}}}$ and $x^2$'\n---\n# Part\n\nText $y$ here.\n", "index.md");
        var dir = Path.GetDirectoryName(doc)!;
        var output = Path.Combine(dir, "out");

        var r = await BookishProcess.RunAsync(["build", doc, "-o", output, "--no-cache"]);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("index.md:2:1: error BK2002", r.StandardError);
        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.DoesNotContain("TITLE-CANARY", html);
        // The title's other math is typeset as usual.
        Assert.Contains("data-tex=\"x^2\"", html);
        var pdf = Directory.GetFiles(output, "*.pdf").Single();
        var plain = Path.Combine(dir, "plain.pdf");
        var clean = await CliWrap.Cli.Wrap("mutool").WithArguments(["clean", "-d", pdf, plain]).WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteAsync();
        Assert.Equal(0, clean.ExitCode);
        Assert.DoesNotContain("TITLE-CANARY", File.ReadAllText(plain));
    }
}
