using Bookish.IntegrationTests.Support;
using Xunit;

namespace Bookish.IntegrationTests.Equations;

/// <summary>
/// The DVI engine finds TeX's font files with kpsewhich (sandboxed, twice a build); the answers are kept beside the
/// TeX formats for the installation, so a later build starts no kpsewhich and draws the same pictures. An edited
/// table cannot point a font at a file outside the TeX installation.
/// </summary>
public sealed class FontPathsTableTests
{
    private const string Document = "# Fonts\n\nInline $\\alpha + \\mathbb{R}^n \\le \\sum_{i=1}^n x_i$ and\n\n$$\\int_0^1 \\mathbf{f}(t)\\,dt = \\mathcal{F}$$\n";

    /// <summary>The document, its folder, and a formats folder of its own (so the first build finds no table).</summary>
    private static (string Doc, string Dir, string Formats) Project()
    {
        var doc = Repo.WriteDocument(Document);
        var dir = Path.GetDirectoryName(doc)!;
        return (doc, dir, Path.Combine(dir, "formats"));
    }

    private static async Task<(string Html, string Err)> BuildAsync(string doc, string formats, string output)
    {
        var r = await BookishProcess.RunAsync(["build", doc, "--no-pdf", "--no-cache", "-o", output],
            environment: new Dictionary<string, string?> { ["BOOKISH_FORMAT_DIR"] = formats, ["BOOKISH_TRACE"] = "1" });
        Assert.True(r.ExitCode == 0, r.StandardError);
        return (File.ReadAllText(Path.Combine(output, "index.html")), r.StandardError);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_second_build_starts_no_kpsewhich_and_draws_the_same_page()
    {
        var (doc, dir, formats) = Project();

        var first = await BuildAsync(doc, formats, Path.Combine(dir, "o1"));
        var second = await BuildAsync(doc, formats, Path.Combine(dir, "o2"));

        Assert.Contains("kpsewhich for", first.Err);
        Assert.DoesNotContain("kpsewhich for", second.Err);
        Assert.Single(Directory.GetFiles(formats, "fonts-*.tsv"));
        Assert.Equal(first.Html, second.Html);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_table_pointing_fonts_outside_the_installation_is_not_followed()
    {
        var (doc, dir, formats) = Project();
        var clean = await BuildAsync(doc, formats, Path.Combine(dir, "o1"));
        var table = Directory.GetFiles(formats, "fonts-*.tsv").Single();
        // Every font file "moved" to a file of the attacker's choosing.
        var canary = Path.Combine(dir, "canary.pfb");
        File.WriteAllText(canary, "%!PS-AdobeFont-1.0: Canary\nBOOKISH-CANARY-7731\n");
        File.WriteAllLines(table, File.ReadAllLines(table).Select(l => l.Split('\t')[0] + "\t" + (l.EndsWith(".pfb", StringComparison.Ordinal) || l.Contains(".pfb\t") ? canary : "/etc/passwd")));

        var after = await BuildAsync(doc, formats, Path.Combine(dir, "o2"));

        Assert.Equal(clean.Html, after.Html);
        Assert.DoesNotContain("BOOKISH-CANARY", after.Html);
        Assert.Contains("kpsewhich for", after.Err);
    }
}
