using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bookish.Diagnostics;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using Bookish.Security;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>Inputs that crashed or hung the process: each ends with its diagnostic and exit code, no stack trace, in bounded time.</summary>
public sealed class CrashTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static void AssertHandled(HostileCase c, HostileCase.Outcome o, int exit, string? id = null, int line = 0)
    {
        c.AssertContained(o);
        Assert.True(o.ExitCode == exit, $"exit {o.ExitCode}, expected {exit}\n{o.Printed}");
        Assert.DoesNotContain("internal error", o.Printed);
        if (id is not null) Assert.Matches(line > 0 ? $@":{line}:\d+: (error|warning) {id}:" : $"(error|warning) {id}:", o.Printed);
        Assert.True(o.Elapsed < Bound, $"took {o.Elapsed}");
    }

    [Fact]
    public async Task Two_hundred_nested_block_quotes_are_BK1024()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Tief\n\n" + new string('>', 200) + " Zitat\n");
        AssertHandled(c, await c.BuildAsync("index.md", "--no-pdf"), 1, DiagnosticIds.InputTooDeep, 1);
    }

    [Fact]
    public async Task Ten_thousand_nested_list_items_are_BK1024()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Liste\n\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "Ende\n");
        AssertHandled(c, await c.BuildAsync("index.md", "--no-pdf"), 1, DiagnosticIds.InputTooDeep, 1);
    }

    [Fact]
    public async Task Ten_thousand_nested_brackets_build_without_a_crash()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Klammern\n\n" + new string('[', 10_000) + "x" + new string(']', 10_000) + "\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertHandled(c, o, 0);
    }

    [Theory]
    [InlineData("-", 100_000, "")]
    [InlineData("(", 20_000, ")")]
    public async Task Claim_with_a_hundred_thousand_signs_or_deep_brackets_is_an_error_at_its_line(string open, int count, string close)
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Behauptung\n\n```check\ndeclare: x \\in \\mathbb{R}\nclaim: \\frac{d}{dx} " +
            string.Concat(Enumerable.Repeat(open, count)) + "x" + string.Concat(Enumerable.Repeat(close, count)) + " = 1\n```\n");
        var o = await c.RunAsync(["check", Path.Combine(c.Project, "index.md"), "--no-parity"]);
        AssertHandled(c, o, 1, DiagnosticIds.InputTooDeep, 5);
    }

    [Fact]
    public async Task Three_nested_ten_thousand_term_sums_are_too_expensive_quickly()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Summen\n\n```check\ndeclare: x \\in \\mathbb{R}\nclaim: \\frac{d}{dx} \\sum_{i=1}^{10000} \\sum_{j=1}^{10000} \\sum_{k=1}^{10000} x = 1000000000000\n```\n");
        var o = await c.RunAsync(["check", Path.Combine(c.Project, "index.md"), "--no-parity"]);
        AssertHandled(c, o, 0, DiagnosticIds.DerivativeNotCheckable);
        Assert.Contains("too expensive", o.Printed);
        Assert.True(o.Elapsed < TimeSpan.FromSeconds(15), $"took {o.Elapsed}");
    }

    [Fact]
    public async Task A_plot_of_an_expensive_function_stops_with_a_warning()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Plot\n\n```plot\nfunction: \\sum_{i=1}^{3000} \\sin(x + i)\nx: -1, 1\n```\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertHandled(c, o, 0, DiagnosticIds.PlotBudget, 3);
    }

    [Fact]
    public async Task Fifteen_thousand_nested_xml_elements_build_without_a_crash()
    {
        using var c = new HostileCase();
        c.Write("article.xml", "<article title=\"Tief\">\n<include file=\"ch.xml\"/>\n</article>\n");
        c.Write("ch.xml", "<chapter title=\"K\">\n" + string.Concat(Enumerable.Repeat("<b>", 15_000)) + "x" + string.Concat(Enumerable.Repeat("</b>", 15_000)) + "\n</chapter>\n");
        var o = await c.BuildAsync("article.xml", "--no-pdf");
        Assert.True(o.ExitCode is 0 or 1, o.Printed);
        AssertHandled(c, o, o.ExitCode);
    }

    [Fact]
    public async Task Template_without_a_body_slot_is_BK1025_at_its_line()
    {
        using var c = new HostileCase();
        c.Write("t.html", "<!DOCTYPE html><html><head><title>x</title></head><body><p>no slot</p></body></html>\n");
        c.Write("index.md", "---\ntitle: Vorlage\ntemplate: t.html\n---\n\nText.\n");
        AssertHandled(c, await c.BuildAsync("index.md", "--no-pdf"), 1, DiagnosticIds.TemplateUnusable, 3);
        Assert.True(File.Exists(Path.Combine(c.Output, "index.html")));
    }

    [Fact]
    public async Task Xml_root_without_includes_building_the_pdf_is_an_error()
    {
        using var c = new HostileCase();
        c.Write("article.xml", "<article title=\"Leer\">\n</article>\n");
        AssertHandled(c, await c.BuildAsync("article.xml"), 1, DiagnosticIds.DialectSyntax, 1);
    }

    [Fact]
    public async Task Front_matter_billion_laughs_is_BK1024()
    {
        using var c = new HostileCase();
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(0, 8).Select(i =>
            $"{(char)('b' + i)}: &{(char)('b' + i)} [" + string.Join(",", Enumerable.Repeat("*" + (char)('a' + i), 9)) + "]\n"));
        c.Write("index.md", "---\n" + yaml + "notation: *i\n---\n\n# Lachen\n");
        AssertHandled(c, await c.BuildAsync("index.md", "--no-pdf"), 1, DiagnosticIds.InputTooDeep);
    }

    [Fact]
    public async Task Huge_numbers_in_claims_and_sum_limits_do_not_crash()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Zahlen\n\n```check\ndeclare: x \\in \\mathbb{R}\nclaim: \\frac{d}{dx} x^{" + new string('9', 400) + "} = 1\n```\n\n" +
            "```check\ndeclare: x \\in \\mathbb{R}\nclaim: \\frac{d}{dx} \\sum_{i=10000000000}^{10000000005} x = 6\n```\n");
        var o = await c.RunAsync(["check", Path.Combine(c.Project, "index.md"), "--no-parity"]);
        Assert.True(o.ExitCode is 0 or 1, o.Printed);
        AssertHandled(c, o, o.ExitCode);
    }

    [Fact]
    public async Task Log_lines_that_look_like_markers_do_not_crash_the_renderer()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Marken\n\n$\\text{BKB:0}$ and $\\mbox{BKM:0:1pt:2pt:3pt}$ and\n\n$$\n\\hbox to 1pt{BKM:1:9pt:9pt:9pt overfull overfull overfull}\n$$\n");
        var o = await c.BuildAsync("index.md");
        Assert.True(o.ExitCode is 0 or 1, o.Printed);
        AssertHandled(c, o, o.ExitCode);
    }

    [Fact]
    public async Task A_folder_where_a_cache_entry_goes_and_a_malformed_cached_svg_do_not_crash()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Cache\n\nInline $a^2+b^2$ and $\\sqrt{x}$.\n\n$$\\int_0^1 x\\,dx$$\n");
        var first = await c.BuildAsync("index.md", "--no-pdf");
        Assert.Equal(0, first.ExitCode);
        var entries = Directory.GetFiles(c.Cache, "*.json", SearchOption.AllDirectories);
        Assert.True(entries.Length >= 3, string.Join(", ", entries));
        // One entry becomes a folder; the others hold broken SVG under a valid checksum.
        File.Delete(entries[0]);
        Directory.CreateDirectory(entries[0]);
        foreach (var entry in entries.Skip(1))
        {
            const string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><g><path d=\"M 0 0 L";
            var sum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{svg}|{1.0:R}|{1.0:R}|{0.0:R}")))[..16];
            File.WriteAllText(entry, JsonSerializer.Serialize(new { Svg = svg, Width = 1.0, Height = 1.0, Depth = 0.0, Sum = sum }));
        }
        var second = await c.BuildAsync("index.md", "--no-pdf");
        Assert.True(second.ExitCode is 0 or 1, second.Printed);
        AssertHandled(c, second, second.ExitCode);
    }

    [Fact]
    public async Task Two_concurrent_builds_into_one_output_folder_take_turns()
    {
        using var c = new HostileCase();
        c.Write("index.md", "---\ntitle: Zwei\n---\n\n# Eins\n\n$e^{i\\pi} + 1 = 0$\n");
        var outcomes = await Task.WhenAll(c.BuildAsync("index.md", "--no-pdf"), c.BuildAsync("index.md", "--no-pdf"));
        foreach (var o in outcomes) AssertHandled(c, o, 0);
        Assert.True(File.Exists(Path.Combine(c.Output, "index.html")));
        Assert.Empty(Directory.GetFileSystemEntries(c.Root, ".out.*"));
    }

    [Fact]
    public async Task A_build_refuses_when_another_holds_the_lock_past_the_wait()
    {
        var dir = Repo.TempDirectory("bookish-lock-");
        try
        {
            var doc = Path.Combine(dir, "project", "index.md");
            Directory.CreateDirectory(Path.GetDirectoryName(doc)!);
            File.WriteAllText(doc, "# Gesperrt\n\nText.\n");
            var output = Path.Combine(dir, "out");
            using var held = new FileStream(OutputLock.PathFor(output), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var waited = false;
            var result = await Publisher.BuildAsync(new BuildOptions(doc)
            {
                OutputDirectory = output, Pdf = false, UseCache = false, LockWait = TimeSpan.FromSeconds(1),
                Waiting = _ => waited = true,
            });
            Assert.True(waited);
            Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.OutputLocked);
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task Folders_of_a_killed_build_are_removed_and_a_normal_build_leaves_none()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Sauber\n\n$x^2$ and a PDF.\n");
        const int gone = int.MaxValue - 3;
        var staleStaging = Path.Combine(c.Root, $".out.staging-{gone}-0123456789ab");
        var staleOld = Path.Combine(c.Root, $".out.old-{gone}-0123456789ab");
        var staleTemp = Path.Combine(Bookish.Security.TempFolders.Root, $"bookish-tex-{gone}-{Guid.NewGuid().ToString("N")[..12]}");
        foreach (var d in new[] { staleStaging, staleOld, staleTemp }) { Directory.CreateDirectory(d); File.WriteAllText(Path.Combine(d, "x"), "x"); }
        var besideBefore = Directory.GetFileSystemEntries(c.Root).Where(p => p != staleStaging && p != staleOld).Order().ToList();

        var command = BookishProcess.Command(["build", Path.Combine(c.Project, "index.md"), "-o", c.Output, "--cache-dir", c.Cache])
            .WithWorkingDirectory(c.Project).WithValidation(CliWrap.CommandResultValidation.None);
        var task = CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(command);
        var pid = task.ProcessId;
        var r = await task;
        Assert.True(r.ExitCode == 0, r.StandardError);

        Assert.False(Directory.Exists(staleStaging));
        Assert.False(Directory.Exists(staleOld));
        Assert.False(Directory.Exists(staleTemp));
        // Nothing of this build's own survives: no temp folder with its process id, nothing new beside the output.
        Assert.Empty(Directory.GetDirectories(Bookish.Security.TempFolders.Root, $"bookish-*-{pid}-*"));
        var besideAfter = Directory.GetFileSystemEntries(c.Root).Order().ToList();
        Assert.Equal(besideBefore.Append(c.Output).Append(c.Cache).Distinct().Order(), besideAfter);
    }
}
