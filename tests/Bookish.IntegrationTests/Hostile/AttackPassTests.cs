using System.Text.RegularExpressions;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// The second attack pass (issue 14), against what was added after the first suite: EPUB covers, book parts and
/// appendices, bibliographies through links, the kramdown import, <c>packages:</c>, Python cells, pathological code for
/// the highlighter. Each case asserts what the suite always does: neither secret in any output byte, nothing written
/// outside the output folder, the exit code and diagnostic, and the time taken.
/// </summary>
public sealed partial class AttackPassTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [GeneratedRegex(@"(?<file>[\w./-]+):(?<line>\d+):\d+: (?<kind>error|warning) (?<id>BK\d{4})")] private static partial Regex Diagnostic();

    private static void AssertOutcome(HostileCase c, HostileCase.Outcome o, int exit, string? id = null, int line = 0)
    {
        c.AssertContained(o);
        Assert.True(o.ExitCode == exit, $"exit {o.ExitCode}, expected {exit}\n{o.Printed}");
        Assert.True(o.Elapsed < Bound, $"took {o.Elapsed}");
        if (id is not null)
            Assert.Contains(Diagnostic().Matches(o.Printed), m => m.Groups["id"].Value == id && (line == 0 || int.Parse(m.Groups["line"].Value) == line));
    }

    [Theory]
    [InlineData("../secret/canary.png")]
    [InlineData("LINK")]
    [InlineData("ABSOLUTE")]
    public async Task An_epub_cover_image_outside_the_project_or_linked_out_is_refused(string image)
    {
        using var c = new HostileCase();
        // A "picture" outside the project whose bytes are the canary's.
        var outside = Path.Combine(Path.GetDirectoryName(c.Secret)!, "canary.png");
        File.Copy(c.Secret, outside);
        if (image == "LINK") { File.CreateSymbolicLink(Path.Combine(c.Project, "cover.png"), outside); image = "cover.png"; }
        if (image == "ABSOLUTE") image = outside;
        c.Write("index.md", $"---\ntitle: Cover story\nimage: {image}\n---\n# One\n\nText $x$.\n");
        var o = await c.BuildAsync("index.md", "--epub", "--no-pdf");
        AssertOutcome(c, o, 1, "BK1020", 3);
    }

    [Fact]
    public async Task An_image_in_an_epub_chapter_that_links_to_the_canary_is_refused()
    {
        using var c = new HostileCase();
        File.CreateSymbolicLink(Path.Combine(c.Project, "fig.png"), c.Secret);
        c.Write("index.md", "---\ntitle: Pictures\n---\n# One\n\n![A figure](fig.png)\n");
        var o = await c.BuildAsync("index.md", "--epub", "--no-pdf");
        AssertOutcome(c, o, 1, "BK1020", 6);
    }

    [Theory]
    [InlineData("chapters:\n  - one.md\n  - part: Outside\n    chapters: [../secret/canary.txt]\n", 6)]
    [InlineData("chapters: [one.md]\nappendices: [../secret/canary.txt]\n", 4)]
    [InlineData("chapters: [one.md]\nappendices: [linked.md]\n", 4)]
    public async Task A_book_part_or_appendix_reaching_out_of_the_project_is_refused_at_the_list(string lists, int line)
    {
        using var c = new HostileCase();
        File.CreateSymbolicLink(Path.Combine(c.Project, "linked.md"), c.Secret);
        c.Write("one.md", "# One\n\nFirst chapter.\n");
        c.Write("index.md", "---\ntitle: Book\n" + lists + "---\nWelcome.\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertOutcome(c, o, 1, "BK1020", line);
    }

    [Fact]
    public async Task A_bibliography_that_is_a_link_to_the_canary_is_refused()
    {
        using var c = new HostileCase();
        File.CreateSymbolicLink(Path.Combine(c.Project, "refs.bib"), c.Secret);
        c.Write("index.md", "---\ntitle: Cited\nbibliography: refs.bib\n---\n# One\n\nAs shown [@knuth84].\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertOutcome(c, o, 1, "BK1020", 3);
    }

    [Theory]
    [InlineData("packages: [\"amsmath}\\\\input{../secret/canary.txt}%\"]\n")]
    [InlineData("packages: [{name: physics, options: \"x]{physics}\\\\input{../secret/canary.txt}%\"}]\n")]
    [InlineData("packages: [\"../secret/canary\"]\n")]
    public async Task Packages_in_front_matter_cannot_smuggle_TeX(string packages)
    {
        using var c = new HostileCase();
        c.Write("index.md", "---\ntitle: Packages\n" + packages + "---\n# One\n\nText $x$.\n");
        var o = await c.BuildAsync("index.md");
        AssertOutcome(c, o, 1, "BK1007", 3);
    }

    [Fact]
    public async Task Kramdown_import_of_a_post_naming_the_canary_reads_nothing_outside()
    {
        using var c = new HostileCase();
        c.Write("post.md", "---\nlayout: post\ntitle: Leaky\n---\n{% include ../secret/canary.txt %}\n{% include_relative ../secret/canary.txt %}\n\n![x]({{ site.baseurl }}/../secret/canary.txt)\n\nText $$x^2$$ here.\n");
        var o = await c.RunAsync(["convert", Path.Combine(c.Project, "post.md"), "--from", "kramdown", "-o", c.Output]);
        c.AssertContained(o);
        Assert.True(o.ExitCode is 0 or 1, o.Printed);
        Assert.True(o.Elapsed < Bound, $"took {o.Elapsed}");
    }

    [Fact]
    public async Task A_python_cell_reaching_for_the_canary_file_and_variable_shows_neither()
    {
        using var c = new HostileCase();
        c.Write("index.md", """
            ---
            title: Cells
            execute: true
            ---
            # One

            ```{python}
            import os, glob
            found = []
            for p in ["../secret/canary.txt", "/proc/1/environ", "/proc/self/environ"] + glob.glob("/proc/*/environ") + glob.glob("../*/*"):
                try:
                    found.append(open(p, "rb").read(400).decode(errors="replace"))
                except Exception as e:
                    found.append(type(e).__name__)
            print("|".join(found) + "|" + "|".join(os.environ.values()))
            ```
            """);
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertOutcome(c, o, 0);
        Assert.Contains("<pre", File.ReadAllText(Path.Combine(c.Output, "index.html")));
    }

    [Fact]
    public async Task No_execute_keeps_a_documents_own_execute_true_from_running_python()
    {
        using var c = new HostileCase();
        c.Write("index.md", "---\ntitle: Cells\nexecute: true\n---\n# One\n\n```{python}\nprint(6 * 7 + 1000)\n```\n");
        var o = await c.BuildAsync("index.md", "--no-pdf", "--no-execute");
        AssertOutcome(c, o, 0);
        Assert.DoesNotContain("1042", File.ReadAllText(Path.Combine(c.Output, "index.html")));
    }

    [Theory]
    [InlineData("ruby", "%w(")]
    [InlineData("perl", "s/(a+)+$/")]
    [InlineData("markdown", "*_`[")]
    [InlineData("python", "'''\"")]
    [InlineData("latex", "\\begin{")]
    [InlineData("html", "<a <b <c ")]
    public async Task Pathological_code_for_the_highlighter_ends_in_bounded_time(string language, string unit)
    {
        using var c = new HostileCase();
        var line = string.Concat(Enumerable.Repeat(unit, 3_900 / unit.Length));
        c.Write("index.md", $"# Code\n\n```{language}\n{line}\n{string.Join("\n", Enumerable.Repeat(unit + "a(((((((((((((((((((((((((((((((b", 3000))}\n```\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertOutcome(c, o, 0);
        Assert.True(o.Elapsed < TimeSpan.FromSeconds(60), $"took {o.Elapsed}");
    }

    [Fact]
    public async Task Sixty_blocks_of_pathological_code_end_in_bounded_time()
    {
        using var c = new HostileCase();
        var block = "```ruby\n" + string.Join("\n", Enumerable.Repeat(string.Concat(Enumerable.Repeat("%w(\"#{'", 600)), 30)) + "\n```\n\n";
        c.Write("index.md", "# Code\n\n" + string.Concat(Enumerable.Repeat(block, 60)));
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertOutcome(c, o, 0);
        Assert.True(o.Elapsed < TimeSpan.FromSeconds(60), $"took {o.Elapsed}");
    }
}
