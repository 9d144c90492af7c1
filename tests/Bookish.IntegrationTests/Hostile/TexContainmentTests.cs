using System.Text.RegularExpressions;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// Hostile documents against TeX itself: reading the canary through every primitive spelling (the early list, then
/// the lockdown behind it when the list is bypassed through macros), forging output, ending the run early. Each is
/// built for real (equations through the batches and the PDF), and each asserts that neither secret appears anywhere,
/// that nothing was written outside the output folder, the exit code, the diagnostic id and line, and the time taken.
/// </summary>
public sealed partial class TexContainmentTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [GeneratedRegex(@"index\.md:(\d+):(\d+): error (BK\d{4}): (.*)")] private static partial Regex DiagnosticLine();

    /// <summary>Front matter whose macros hide the primitive from the early list; the equation using it is on line 6.</summary>
    private static string WithMacro(string body) => $"---\ntitle: Notes\nmacros:\n  sneak: '{body.Replace("'", "''")}'\n---\nThe rate is $\\sneak r_t$ and $x^2$ is fine.\n";

    private static async Task<(HostileCase Case, HostileCase.Outcome Outcome)> BuildAsync(string markdown, params string[] extra)
    {
        var c = new HostileCase();
        c.Write("index.md", markdown.Replace("{SECRET}", c.Secret).Replace("{REL}", "../secret/canary.txt"));
        var outcome = await c.BuildAsync("index.md", extra);
        return (c, outcome);
    }

    private static void AssertReported(HostileCase.Outcome outcome, int exitCode, string id, int line, string? words = null)
    {
        Assert.True(outcome.Elapsed < Bound, $"took {outcome.Elapsed}");
        Assert.Equal(exitCode, outcome.ExitCode);
        var diagnostics = DiagnosticLine().Matches(outcome.StandardError).Select(m => (Line: int.Parse(m.Groups[1].Value), Id: m.Groups[3].Value, Message: m.Groups[4].Value)).ToList();
        Assert.Contains(diagnostics, d => d.Id == id && d.Line == line && (words is null || d.Message.Contains(words, StringComparison.Ordinal)));
    }

    // The early list: what a reader of the source sees is refused before TeX runs (BK2002 at the equation).

    [Theory]
    [InlineData("Let $$\\input{{REL}}$$ be given.\n", 1)]
    [InlineData("# Absolute\n\n$$\\input {SECRET}$$\n", 3)]
    [InlineData("A caret escape: $^^5cinput{{REL}} x$\n", 1)]
    [InlineData("Built names: $\\csname input\\endcsname{{SECRET}} y$\n", 1)]
    [InlineData("$$\\immediate\\pdfobj stream file {/proc/self/environ}\\pdfrefobj\\pdflastobj$$\n", 1)]
    [InlineData("Reading the environment:\n\n$$\\openin5=/proc/self/environ \\read5 to\\x \\x$$\n", 3)]
    [InlineData("$\\special{PSfile={SECRET}} z$\n", 1)]
    [InlineData("$$\\immediate\\write18{cat {SECRET} > leaked.txt}$$\n", 1)]
    [InlineData("Forging: $\\shipout\\hbox{fake} a$\n", 1)]
    public async Task Equations_reaching_for_files_are_refused_before_TeX_runs(string markdown, int line)
    {
        var (c, outcome) = await BuildAsync(markdown);
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK2002", line);
        }
    }

    [Fact]
    public async Task End_document_in_a_raw_block_is_an_error_at_its_line_and_the_pdf_keeps_what_follows()
    {
        var (c, outcome) = await BuildAsync("# Early end\n\nBefore.\n\n```texblock\n\\end{document}\n```\n\nAfter the block comes Zanzibar.\n");
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK2002", 5);
            var pdf = Directory.GetFiles(c.Output, "*.pdf").Single();
            using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
            Assert.Contains("Zanzibar", string.Concat(doc.GetPages().Select(p => p.Text)));
        }
    }

    [Fact]
    public async Task End_document_in_a_raw_latex_block_for_the_pdf_is_an_error_at_its_line()
    {
        var (c, outcome) = await BuildAsync("# Raw\n\nBefore.\n\n```{=latex}\n\\end{document}\n```\n\nAfter the block comes Zanzibar.\n");
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK2002", 5);
            using var doc = UglyToad.PdfPig.PdfDocument.Open(Directory.GetFiles(c.Output, "*.pdf").Single());
            Assert.Contains("Zanzibar", string.Concat(doc.GetPages().Select(p => p.Text)));
        }
    }

    [Fact]
    public async Task Raw_latex_for_the_pdf_reading_the_canary_is_refused()
    {
        var (c, outcome) = await BuildAsync("Text.\n\n```{=latex}\n\\input{{REL}}\n```\n");
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK2002", 3);
        }
    }

    // The lockdown: the same attempts hidden in document macros (the early list never sees them) fail inside TeX,
    // for that equation only (BK2001 at its position, TeX's words naming the primitive).

    [Theory]
    [InlineData("\\csname input\\endcsname{{REL}}", "input")]
    [InlineData("^^5cinput{{REL}}", "input")]
    [InlineData("\\immediate\\pdfobj stream file {/proc/self/environ}\\pdfrefobj\\pdflastobj", "pdfobj")]
    [InlineData("\\expandafter\\pdffiledump offset 0 length 200 {{SECRET}}", "pdffiledump")]
    [InlineData("\\pdfmdfivesum file {{SECRET}}", "pdfmdfivesum")]
    [InlineData("\\openin5=/proc/self/environ \\read5 to\\x \\x", "read")]
    [InlineData("\\shipout\\hbox{forged}", "shipout")]
    [InlineData("\\csname tex_shipout:D\\endcsname\\hbox{forged}", "tex_shipout:D")]
    [InlineData("\\pdfprimitive\\input{{REL}}", "pdfprimitive")]
    [InlineData("\\immediate\\openout3=pwned.tex \\immediate\\write3{x}", "openout")]
    [InlineData("\\csname tex_input:D\\endcsname {{REL}}", "tex_input:D")]
    [InlineData("\\scantokens{\\input{REL}}", "scantokens")]
    [InlineData("\\dump", "dump")]
    [InlineData("\\stop", "stop")]
    [InlineData("\\csname enddocument\\endcsname", "enddocument")]
    public async Task A_primitive_hidden_in_a_macro_is_disabled_inside_TeX(string body, string primitive)
    {
        var (c, outcome) = await BuildAsync(WithMacro(body));
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK2001", 6, "Bookish: \\" + primitive + " is not allowed");
            // Only that equation failed: the other one on the line is in the page.
            Assert.Equal(1, DiagnosticLine().Matches(outcome.StandardError).Count(m => m.Groups[3].Value == "BK2001"));
        }
    }

    [Fact]
    public async Task LaTeXs_saved_end_primitive_in_a_macro_fails_its_equation_and_is_caught_in_the_pdf()
    {
        // \@@end keeps its meaning (bm compares tokens with it), so the run really ends early: the batch misses the
        // fragment's markers and the PDF misses Bookish's end marker. Both are errors; the PDF is still written.
        var (c, outcome) = await BuildAsync("---\ntitle: Notes\nmacros:\n  sneak: '\\csname @@end\\endcsname'\n---\nThe rate is $\\sneak r_t$ and $x^2$ is fine.\n\n```{=latex}\n\\sneak\n```\n\nAfter the block comes Zanzibar.\n");
        using (c)
        {
            c.AssertContained(outcome);
            Assert.True(outcome.Elapsed < Bound, $"took {outcome.Elapsed}");
            Assert.Equal(1, outcome.ExitCode);
            Assert.Matches(@"index\.md:6:\d+: error BK2001", outcome.StandardError);
            Assert.Contains("ended before the end of the document", outcome.StandardError);
        }
    }

    [Fact]
    public async Task Closing_the_document_group_in_one_equation_does_not_lift_the_lockdown_for_the_next()
    {
        // \end{matrix} at the outer level ends the document environment's group: a lockdown made of local definitions
        // would be undone by it, and the next equation in the batch could use \input again.
        var (c, outcome) = await BuildAsync("---\ntitle: Notes\nmacros:\n  pop: '\\end{matrix}\\endgroup\\endgroup'\n  sneak: '\\csname input\\endcsname{../secret/canary.txt}'\n---\nFirst $\\pop x$.\n\nThen $\\sneak y$ and $z^2$.\n");
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK2001", 9, "Bookish: \\input is not allowed");
            Assert.Equal(2, DiagnosticLine().Matches(outcome.StandardError).Count(m => m.Groups[3].Value == "BK2001"));
        }
    }

    [Fact]
    public async Task Bold_math_from_bm_works_behind_the_lockdown()
    {
        var (c, outcome) = await BuildAsync("---\ntitle: Bold\nmacros:\n  vtheta: \\boldsymbol{\\theta}\n---\nSee $\\vtheta$, $\\bm{x}$ and $\\boldsymbol{\\mu}_t$.\n");
        using (c)
        {
            c.AssertContained(outcome);
            Assert.True(0 == outcome.ExitCode, outcome.StandardError);
        }
    }

    [Fact]
    public async Task The_primitive_input_of_an_absolute_path_is_refused_by_paranoid_kpathsea()
    {
        // \@@input stays for LaTeX's own font loading; kpathsea (openin_any=p) and the sandbox stand behind it.
        var (c, outcome) = await BuildAsync(WithMacro("\\csname @@input\\endcsname {SECRET} "));
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK2001", 6);
        }
    }

    [Fact]
    public async Task A_parent_path_is_refused_by_paranoid_kpathsea()
    {
        var (c, outcome) = await BuildAsync(WithMacro("\\csname @@input\\endcsname ../secret/canary.txt "));
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK2001", 6);
        }
    }

    [Fact]
    public async Task Shell_escape_does_nothing_and_writes_nothing()
    {
        var (c, outcome) = await BuildAsync(WithMacro("\\immediate\\write18{cat {SECRET} > ../../pwned.txt}"));
        using (c)
        {
            c.AssertContained(outcome);
            Assert.Equal(0, outcome.ExitCode);
            Assert.False(File.Exists(Path.Combine(c.Root, "pwned.txt")));
        }
    }

    [Fact]
    public async Task A_fragment_printing_a_fake_marker_line_fails_alone()
    {
        var (c, outcome) = await BuildAsync(WithMacro("\\typeout{BKM:0:99pt:99pt:99pt}\\typeout{BKB:1}"));
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK2001", 6, "imitating Bookish's log markers");
            var html = File.ReadAllText(Path.Combine(c.Output, "index.html"));
            Assert.Contains("<svg", html);
        }
    }

    [Fact]
    public async Task A_pdf_only_branch_reading_the_environment_fails_in_the_pdf_at_its_line()
    {
        // Harmless in the DVI batch (\pdfoutput is 0 there), it reaches \pdfobj in the PDF run: the PDF lockdown stops it.
        var (c, outcome) = await BuildAsync(WithMacro("\\ifnum\\pdfoutput>0 \\immediate\\pdfobj stream file {/proc/self/environ}\\pdfrefobj\\pdflastobj\\fi"));
        using (c)
        {
            c.AssertContained(outcome);
            AssertReported(outcome, 1, "BK3001", 6, "pdfobj is not allowed");
        }
    }

    [Fact]
    public async Task Hooks_set_in_a_raw_block_cannot_reach_files_later()
    {
        var (c, outcome) = await BuildAsync("---\nmacros:\n  hook: '\\global\\everyhbox{\\csname input\\endcsname{../secret/canary.txt}}'\n---\n# Hooks\n\n$\\hook a$ then $b + c$ and $d$.\n");
        using (c)
        {
            c.AssertContained(outcome);
            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("is not allowed", outcome.StandardError);
        }
    }

    [Fact]
    public async Task Dvisvgm_raw_specials_never_put_script_in_the_page()
    {
        var (c, outcome) = await BuildAsync(WithMacro("\\special{dvisvgm:raw <script>alert(1)</script><foreignObject><div>x</div></foreignObject>}"), "--math-engine", "dvisvgm", "--no-pdf");
        using (c)
        {
            c.AssertContained(outcome);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(c.Output, "index.html")));
            Assert.Empty(page.QuerySelectorAll("svg script, svg foreignObject"));
            Assert.DoesNotContain("alert(1)", page.DocumentElement.OuterHtml);
        }
    }

    // Loops: bounded per fragment, found in parallel.

    [Fact]
    public async Task Three_endless_loops_end_within_a_bound_each_at_its_equation()
    {
        var markdown = "---\nmacros:\n  spin: '\\spin'\n  twirl: '\\def\\x{\\x}\\x'\n---\n# Loops\n\n$$\\spin$$\n\nFine $a+b$.\n\n$$\\twirl$$\n\n```texblock\n\\loop\\iftrue\\repeat\n```\n";
        var (c, outcome) = await BuildAsync(markdown, "--tex-timeout", "2");
        using (c)
        {
            c.AssertContained(outcome);
            Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(45), $"took {outcome.Elapsed}");
            AssertReported(outcome, 1, "BK2003", 8);
            AssertReported(outcome, 1, "BK2003", 12);
            AssertReported(outcome, 1, "BK2003", 14);
        }
    }

    [Fact]
    public async Task The_whole_build_budget_stops_a_build_and_leaves_the_previous_output()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Fine\n\n$x^2$\n");
        c.Write("slow.md", "---\nmacros:\n  spin: '\\spin'\n---\n# Slow\n\n$$\\spin$$\n");
        Assert.Equal(0, (await c.BuildAsync("index.md", "--no-pdf")).ExitCode);
        var before = File.ReadAllText(Path.Combine(c.Output, "index.html"));
        var outcome = await c.BuildAsync("slow.md", "--tex-timeout", "60", "--timeout", "3");
        c.AssertContained(outcome);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error BK9101", outcome.StandardError);
        Assert.Contains("stages done: read, checks", outcome.StandardError);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(30), $"took {outcome.Elapsed}");
        Assert.Equal(before, File.ReadAllText(Path.Combine(c.Output, "index.html")));
    }
}
