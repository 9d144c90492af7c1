using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Checks;

/// <summary>
/// Issue 23: the matrix calculus paper (read from the shared corpus, never copied) checked in auto mode with the
/// sidecar content/matrix-calculus/derivatives.yaml: no false refutation, and no fewer chains verified than measured.
/// </summary>
public sealed class PaperAutoCheckTests
{
    private static string Paper => Repo.Corpus("matrix-calculus", "article.xml");
    private static string Sidecar => Path.Combine(Repo.Content("matrix-calculus"), "derivatives.yaml");

    /// <summary>Chains verified on 2026-12-01 (98 of 115, up from 70); the issue's goal is 80 %. Raise this as the sidecar grows.</summary>
    private const int VerifiedFloor = 98;

    /// <summary>
    /// Refutations reviewed by reading the paper and found to be real errata. None: the corpus copy has ∇g = [2, 8y^7]
    /// (the erratum [1, 7y^8] the issue mentions is not in this text; its chains verify).
    /// </summary>
    private const int ReviewedErrata = 0;

    [Fact]
    public void The_paper_with_its_sidecar_has_no_refutation_and_keeps_its_verified_chains()
    {
        var result = Checker.Run(Paper, autoDerivatives: true, declarations: Sidecar);

        var auto = Assert.IsType<Bookish.Calculus.AutoCheckReport>(result.Auto);
        Assert.True(auto.Checked >= 100, auto.ToString());
        Assert.True(auto.Refuted == ReviewedErrata, string.Join("\n", auto.Items.Where(i => i.Verdict.Kind == Bookish.Calculus.VerdictKind.Refuted).Select(i => $"{i.Span}: {i.Tex}\n{i.Verdict}")));
        Assert.True(auto.Verified >= VerifiedFloor, auto.ToString());
    }

    [Fact]
    public void The_typo_d_over_x_is_read_as_meant_with_a_warning_per_chain()
    {
        var result = Checker.Run(Paper, autoDerivatives: true, declarations: Sidecar);

        var auto = Assert.IsType<Bookish.Calculus.AutoCheckReport>(result.Auto);
        var typos = auto.Diagnostics.Where(d => d.Id == "BK5040").ToList();
        Assert.Equal(4, typos.Count);
        Assert.All(typos, d => Assert.Contains(@"read as '\frac{d}{d", d.Message));
    }

    [Fact]
    public async Task The_check_command_takes_the_sidecar_and_exits_0()
    {
        var r = await BookishProcess.RunAsync(["check", Paper, "--derivatives", "auto", "--declarations", Sidecar, "--no-parity"]);

        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        Assert.Matches(@"auto: 115 equations with derivatives checked: \d+ verified, 0 refuted", r.StandardOutput);
    }

    [Fact]
    public async Task The_chain_listing_gives_every_chain_a_verdict_and_groups_the_rest_by_cause()
    {
        var r = await BookishProcess.RunAsync(["check", Paper, "--derivatives", "auto", "--declarations", Sidecar, "--no-parity", "--list-chains"]);

        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        var lines = r.StandardOutput.Replace("\r", "").Split('\n');
        var chains = lines.SkipWhile(l => l != "chains:").Skip(1).TakeWhile(l => l.StartsWith("  ")).ToList();
        Assert.Equal(115, chains.Count);
        Assert.True(chains.Count(l => l.Contains(": verified |")) >= VerifiedFloor, string.Join("\n", chains));
        Assert.DoesNotContain(chains, l => l.Contains(": refuted"));
        Assert.Contains("not checkable, by cause:", r.StandardOutput);
    }

    [Fact]
    public async Task A_missing_sidecar_is_BK1001_and_exit_2()
    {
        var r = await BookishProcess.RunAsync(["check", Paper, "--derivatives", "auto", "--declarations", Path.Combine(Path.GetTempPath(), "no-such-sidecar.yaml"), "--no-parity"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("BK1001", r.StandardOutput + r.StandardError);
    }
}
