using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bookish.IntegrationTests.Support;
using Bookish.Toolchain;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// The sandbox is the wall, tested without the lockdown in front of it: plain pdfTeX (no LaTeX, no Bookish macros)
/// reading the canary through the primitives kpathsea does not guard, the environment a sandboxed program sees, a
/// machine without bubblewrap, and cached SVG that was tampered with.
/// </summary>
public sealed class SandboxTests
{
    /// <summary>pdfTeX source that copies a file into the PDF as a raw stream (\pdfobj ignores openin_any).</summary>
    private static string Dump(string path) =>
        "\\catcode`\\{=1 \\catcode`\\}=2 \\pdfoutput=1 \\pdfcompresslevel=0 \\immediate\\pdfobj stream file {" + path + "}\\pdfcatalog{/Leak \\the\\pdflastobj\\ 0 R}\\shipout\\hbox{x}\\end\n";

    [Fact]
    public async Task Inside_the_sandbox_pdftex_cannot_read_a_file_outside_its_work_directory()
    {
        using var c = new HostileCase();
        var work = Path.Combine(c.Root, "work");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "leak.tex"), Dump(c.Secret));

        // Without the sandbox the attack works (so this test can fail)...
        var open = await ProcessRunner.RunAsync("pdftex", ["-ini", "-interaction=nonstopmode", "leak.tex"], work, TimeSpan.FromSeconds(30));
        Assert.Equal(0, open.ExitCode);
        Assert.True(HostileCase.Leaks(Path.Combine(work, "leak.pdf"), c.CanaryText));
        File.Delete(Path.Combine(work, "leak.pdf"));

        // ...inside it the file does not exist.
        var boxed = await TexSandbox.RunAsync("pdftex", ["-ini", "-interaction=nonstopmode", "leak.tex"], work, TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, boxed.ExitCode);
        Assert.False(File.Exists(Path.Combine(work, "leak.pdf")) && HostileCase.Leaks(Path.Combine(work, "leak.pdf"), c.CanaryText));
    }

    [Fact]
    public async Task Inside_the_sandbox_the_process_environment_holds_no_caller_variable()
    {
        using var c = new HostileCase();
        var name = "BOOKISH_TEST_SECRET_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(name, c.CanaryValue);
        try
        {
            var work = Path.Combine(c.Root, "work");
            Directory.CreateDirectory(work);
            File.WriteAllText(Path.Combine(work, "env.tex"), Dump("/proc/self/environ"));
            var r = await TexSandbox.RunAsync("pdftex", ["-ini", "-interaction=nonstopmode", "env.tex"], work, TimeSpan.FromSeconds(30));
            var pdf = Path.Combine(work, "env.pdf");
            Assert.True(File.Exists(pdf), r.StandardOutput);
            Assert.False(HostileCase.Leaks(pdf, c.CanaryValue));
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
            Assert.Contains("TEXMFVAR=", text);
            Assert.DoesNotContain(name, text);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task Inside_the_sandbox_a_process_cannot_write_beside_its_work_directory()
    {
        using var c = new HostileCase();
        var work = Path.Combine(c.Root, "work");
        Directory.CreateDirectory(work);
        var r = await TexSandbox.RunAsync("pdftex", ["-ini", "-interaction=nonstopmode", "\\catcode`\\{=1 \\catcode`\\}=2 \\immediate\\openout1=../escaped.txt \\immediate\\write1{x}\\end"],
            work, TimeSpan.FromSeconds(30), new Dictionary<string, string?> { ["openout_any"] = "a" });
        Assert.False(File.Exists(Path.Combine(c.Root, "escaped.txt")), r.StandardOutput);
    }

    /// <summary>A folder of links to every program on the machine but bubblewrap.</summary>
    private static string PathWithoutBwrap(string root)
    {
        var bin = Path.Combine(root, "bin");
        Directory.CreateDirectory(bin);
        foreach (var file in Directory.EnumerateFiles("/usr/bin"))
            if (Path.GetFileName(file) != "bwrap") File.CreateSymbolicLink(Path.Combine(bin, Path.GetFileName(file)), file);
        return bin;
    }

    [Fact]
    public async Task Without_bubblewrap_a_build_refuses_to_run_TeX_and_says_how_to_proceed()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Plain\n\nThe rate $r_t$.\n");
        var env = new Dictionary<string, string?> { ["PATH"] = PathWithoutBwrap(c.Root), [HostileCase.CanaryVariable] = c.CanaryValue };
        var refused = await BookishProcess.RunAsync(["build", Path.Combine(c.Project, "index.md"), "-o", c.Output, "--cache-dir", c.Cache, "--no-pdf"], c.Project, env);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("bubblewrap", refused.StandardError);
        Assert.Contains("--unsafe-no-sandbox", refused.StandardError);
        Assert.DoesNotContain("   at ", refused.StandardError);
        Assert.False(Directory.Exists(c.Output));

        var allowed = await BookishProcess.RunAsync(["build", Path.Combine(c.Project, "index.md"), "-o", c.Output, "--cache-dir", c.Cache, "--unsafe-no-sandbox"], c.Project, env);
        Assert.Equal(0, allowed.ExitCode);
        Assert.True(File.Exists(Path.Combine(c.Output, "index.html")));
        foreach (var file in Directory.EnumerateFiles(c.Output, "*", SearchOption.AllDirectories))
            Assert.False(HostileCase.Leaks(file, c.CanaryValue), file);
    }

    /// <summary>The entry's checksum as Bookish computes it (so the poisoned entry passes it and only the SVG cleaning stands in the way).</summary>
    private static string Sum(string svg, double w, double h, double d, IEnumerable<string> glyphs, string context) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{svg}|{w:R}|{h:R}|{d:R}|glyphs:{string.Join(",", glyphs)}|context:{context}")))[..16];

    /// <summary>Rewrites every cache entry's SVG (with a valid checksum, as an attacker with write access to the cache would).</summary>
    private static int Poison(string cache, Func<string, string> svg)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(cache, "*.json", SearchOption.AllDirectories))
        {
            var entry = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var poisoned = svg((string)entry["Svg"]!);
            entry["Svg"] = poisoned;
            entry["Sum"] = Sum(poisoned, (double)entry["Width"]!, (double)entry["Height"]!, (double)entry["Depth"]!,
                entry["Glyphs"]!.AsObject().Select(g => g.Key), (string)entry["Context"]!);
            File.WriteAllText(file, entry.ToJsonString());
            count++;
        }
        return count;
    }

    [Fact]
    public async Task A_poisoned_cache_entry_puts_no_script_event_handler_or_foreign_object_in_the_page()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Cached\n\nThe rate $r_t$ and $$\\sum_i x_i$$\n");
        Assert.Equal(0, (await c.BuildAsync("index.md", "--no-pdf")).ExitCode);
        Assert.True(Poison(c.Cache, s => s.Replace("<svg", "<svg onload=\"alert(1)\"").Replace("</svg>",
            "<script>alert(2)</script><foreignObject><p>x</p></foreignObject><a href=\"https://evil.example/\"><rect width=\"1\" height=\"1\"/></a><use href=\"https://evil.example/x.svg#a\"/></svg>")) >= 2);
        var outcome = await c.BuildAsync("index.md", "--no-pdf");
        c.AssertContained(outcome);
        Assert.Equal(0, outcome.ExitCode);
        // The tampered entries were read (their checksums are right): only the cleaning stands between them and the page.
        Assert.Contains("2 equations: 0 typeset now, 2 from cache", outcome.StandardError);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(c.Output, "index.html")));
        Assert.NotEmpty(page.QuerySelectorAll("svg"));
        Assert.Empty(page.QuerySelectorAll("svg script, svg foreignObject, svg a, svg [onload]"));
        Assert.DoesNotContain(page.QuerySelectorAll("svg use"), u => (u.GetAttribute("href") ?? u.GetAttribute("xlink:href") ?? "#").Contains("evil"));
    }

    [Fact]
    public async Task A_malformed_cache_entry_is_rendered_again()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Cached\n\nThe rate $r_t$ and $$\\sum_i x_i$$\n");
        Assert.Equal(0, (await c.BuildAsync("index.md", "--no-pdf")).ExitCode);
        Assert.True(Poison(c.Cache, _ => "<svg><g><path d=\"M0 0\"></svg") >= 2);
        var outcome = await c.BuildAsync("index.md", "--no-pdf");
        c.AssertContained(outcome);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("2 equations: 2 typeset now, 0 from cache", outcome.StandardError);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(c.Output, "index.html")));
        Assert.True(page.QuerySelectorAll("svg path, svg use").Length > 2);
    }
}
