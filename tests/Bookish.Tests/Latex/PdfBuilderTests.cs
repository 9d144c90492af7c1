using System.Diagnostics;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Latex;
using Bookish.Tests.Toolchain;
using Bookish.Text;
using Bookish.Toolchain;

namespace Bookish.Tests.Latex;

/// <summary>PdfBuilder's run logic against a scripted pdflatex: reruns, repairs, the refused format, a stalled run.</summary>
public sealed class PdfBuilderTests
{
    private static readonly SourceSpan Intro = new("notes.md", 3, 1, 3, 42);
    private static readonly SourceSpan Raw = new("notes.md", 9, 1, 11, 3);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Line 1 is the preamble (the format's part when <paramref name="formatLines"/> is 1); lines 3 and 5 come from two blocks.</summary>
    private static LatexDocument Document(string body = "See Section~\\ref{sec:one}.", int formatLines = 0) => new(
        "\\documentclass{article}\n\\begin{document}\n\\typeout{BKP:tok:3}" + body + "\n\n\\typeout{BKP:tok:5}\\begin{center}raw\\end{center}\n\\end{document}\n",
        new SortedDictionary<int, SourceSpan> { [3] = Intro, [5] = Raw, [6] = SourceSpan.None }, [])
    {
        FormatLines = formatLines,
        ProgressMarker = "BKP:tok:",
    };

    private static ScriptedRun Clean(ToolInvocation run, string aux = "") => new()
    {
        Files = Written(run, "This is pdfTeX, Version 3.141592653\nOutput written on document.pdf (1 page).\n", aux),
        Output = ["BKP:tok:3", "BKP:tok:5"],
    };

    private static ScriptedRun Failing(ToolInvocation run, string error, int line) => new(1)
    {
        Files = Written(run, $"This is pdfTeX\n! {error}\nl.{line} \\foo\n\n", ""),
        Output = ["BKP:tok:3", "BKP:tok:5"],
    };

    /// <summary>What pdflatex leaves in its folder: the log, the .aux, and the PDF unless it ran in draft mode.</summary>
    private static Dictionary<string, string> Written(ToolInvocation run, string log, string aux)
    {
        var files = new Dictionary<string, string> { ["document.log"] = log, ["document.aux"] = aux };
        if (!run.Arguments.Contains("-draftmode")) files["document.pdf"] = "%PDF-1.5 scripted";
        return files;
    }

    private static Task<PdfResult> Build(ScriptedToolchain tex, LatexDocument document, Func<IReadOnlyDictionary<SourceSpan, string>, IReadOnlySet<SourceSpan>, LatexDocument>? rewrite = null,
        TimeSpan? stall = null) =>
        PdfBuilder.BuildAsync(document, Path.GetTempPath(), "notes.md", Timeout, default, null, rewrite, tex, stall);

    [Fact]
    public async Task A_document_without_cross_references_is_typeset_in_one_final_run()
    {
        using var tex = new ScriptedToolchain().On("pdflatex", (run, _) => Clean(run));

        var result = await Build(tex, Document(body: "Plain prose."));

        Assert.Equal(1, result.Runs);
        Assert.DoesNotContain("-draftmode", tex.CallsOf("pdflatex")[0].Arguments);
        Assert.NotNull(result.Pdf);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task Cross_references_rerun_TeX_only_while_the_aux_file_changes()
    {
        // The draft writes "a", the first final run "b", the second "b" again: settled.
        using var tex = new ScriptedToolchain().On("pdflatex", (run, n) => Clean(run, aux: n == 0 ? "a" : "b"));

        var result = await Build(tex, Document());

        Assert.Equal(3, result.Runs);
        var calls = tex.CallsOf("pdflatex");
        Assert.Contains("-draftmode", calls[0].Arguments);
        Assert.All(calls.Skip(1), c => Assert.DoesNotContain("-draftmode", c.Arguments));
        Assert.NotNull(result.Pdf);
    }

    [Fact]
    public async Task An_aux_file_that_never_settles_stops_after_three_final_runs()
    {
        using var tex = new ScriptedToolchain().On("pdflatex", (run, n) => Clean(run, aux: $"pass {n}"));

        var result = await Build(tex, Document());

        Assert.Equal(1 + 3, result.Runs);
        Assert.NotNull(result.Pdf);
    }

    [Fact]
    public async Task Every_run_is_strict_no_shell_escape_and_nonstop()
    {
        using var tex = new ScriptedToolchain().On("pdflatex", (run, _) => Clean(run));

        await Build(tex, Document(body: "Plain prose."));

        var call = tex.CallsOf("pdflatex").Single();
        Assert.Equal(["-no-shell-escape", "-interaction=nonstopmode"], call.Arguments.Take(2));
        Assert.True(call.Sandboxed);
    }

    [Fact]
    public async Task A_LaTeX_error_becomes_a_marker_at_its_block_and_TeX_runs_again()
    {
        var rewrites = new List<IReadOnlyDictionary<SourceSpan, string>>();
        var document = Document(body: "Plain prose.");
        using var tex = new ScriptedToolchain().On("pdflatex", (run, n) => n == 0 ? Failing(run, "Undefined control sequence.", 3) : Clean(run));

        var result = await Build(tex, document, (failed, _) => { rewrites.Add(failed.ToDictionary()); return document; });

        var repaired = Assert.Single(rewrites);
        Assert.Contains("Undefined control sequence.", repaired[Intro]);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticIds.PdfError, Intro), (d.Id, d.Span));
        Assert.Contains("shown as a marker", d.Message);
        Assert.Equal(2, result.Runs);
        Assert.NotNull(result.Pdf);
    }

    [Fact]
    public async Task Repairs_stop_after_three_and_what_is_left_is_reported_at_its_line()
    {
        // Each run fails on a block the previous run did not: lines 3, 5, 3+... map to Intro, Raw, then new spans never settle.
        var spans = Enumerable.Range(0, 6).Select(i => new SourceSpan("notes.md", 20 + i, 1, 20 + i, 5)).ToArray();
        var map = new SortedDictionary<int, SourceSpan>();
        for (var i = 0; i < spans.Length; i++) map[10 + i] = spans[i];
        var document = Document(body: "Plain prose.") with { LineMap = map };
        var rewrites = 0;
        using var tex = new ScriptedToolchain().On("pdflatex", (run, n) => Failing(run, "Missing $ inserted.", 10 + n));

        var result = await Build(tex, document, (_, _) => { rewrites++; return document; });

        Assert.Equal(3, rewrites);
        Assert.Equal(4, result.Runs);
        Assert.Equal(spans.Take(4), result.Diagnostics.Select(d => d.Span));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticIds.PdfError, d.Id));
        Assert.NotNull(result.Pdf);
    }

    [Fact]
    public async Task A_format_TeX_refuses_is_discarded_and_the_run_repeated_without_it()
    {
        string? dumped = null;
        using var tex = new ScriptedToolchain()
            .On("pdftex", (run, _) =>
            {
                dumped = run.Arguments.Single(a => a.StartsWith("-jobname=", StringComparison.Ordinal))["-jobname=".Length..];
                return new ScriptedRun { Files = new Dictionary<string, string> { [dumped + ".fmt"] = "not really a format" } };
            })
            .On("pdflatex", (run, n) => n == 0
                ? new ScriptedRun(1) { Output = ["---! " + dumped + ".fmt was written by tex", "(Fatal format file error; I'm stymied)"] }
                : Clean(run));

        var result = await Build(tex, Document(body: "Plain prose.", formatLines: 1));

        Assert.NotNull(dumped);
        var calls = tex.CallsOf("pdflatex");
        Assert.Equal(2, calls.Count);
        Assert.Contains("-fmt=" + dumped, calls[0].Arguments);
        Assert.DoesNotContain(calls[1].Arguments, a => a.StartsWith("-fmt", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(TexFormat.Directory, dumped + ".fmt")), "the refused format is still there");
        Assert.NotNull(result.Pdf);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task A_discarded_format_is_dumped_again_on_next_use()
    {
        using var tex = new ScriptedToolchain().On("pdftex", (run, _) => new ScriptedRun
        {
            Files = new Dictionary<string, string> { [run.Arguments.Single(a => a.StartsWith("-jobname=", StringComparison.Ordinal))["-jobname=".Length..] + ".fmt"] = "dump" },
        });
        var name = await TexFormat.GetAsync(tex, "\\documentclass{article}\n", Timeout, default);
        Assert.NotNull(name);
        try
        {
            Assert.Equal(name, await TexFormat.GetAsync(tex, "\\documentclass{article}\n", Timeout, default));
            Assert.Single(tex.CallsOf("pdftex"));

            TexFormat.Discard(name);
            Assert.Equal(name, await TexFormat.GetAsync(tex, "\\documentclass{article}\n", Timeout, default));

            Assert.Equal(2, tex.CallsOf("pdftex").Count);
            Assert.Contains("-ini", tex.CallsOf("pdftex")[1].Arguments);
        }
        finally
        {
            TexFormat.Discard(name);
        }
    }

    [Fact]
    public async Task A_run_that_stops_making_progress_is_stopped_and_its_block_becomes_a_marker()
    {
        var document = Document(body: "Plain prose.");
        var rewrites = new List<IReadOnlyDictionary<SourceSpan, string>>();
        // The first run prints the first block's marker and the raw block's, then loops.
        using var tex = new ScriptedToolchain().On("pdflatex", (run, n) => n == 0
            ? new ScriptedRun { Output = ["This is pdfTeX", "BKP:tok:3", "BKP:tok:5"], Hangs = true }
            : Clean(run));
        var watch = Stopwatch.StartNew();

        var result = await Build(tex, document, (failed, _) => { rewrites.Add(failed.ToDictionary()); return document; }, stall: TimeSpan.FromSeconds(0.5));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(tex.CallsOf("pdflatex")[0].LineBuffered);
        Assert.Contains(Raw, Assert.Single(rewrites).Keys);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticIds.TexTimeout, Raw), (d.Id, d.Span));
        Assert.Contains("no progress", d.Message);
        Assert.NotNull(result.Pdf);
    }

    [Fact]
    public async Task A_stall_before_any_block_loses_only_that_run_and_says_why()
    {
        using var tex = new ScriptedToolchain().On("pdflatex", (_, _) => new ScriptedRun { Output = ["This is pdfTeX"], Hangs = true });

        var result = await Build(tex, Document(body: "Plain prose."), (_, _) => throw new InvalidOperationException("nothing to repair"), stall: TimeSpan.FromSeconds(0.3));

        Assert.Null(result.Pdf);
        var d = Assert.Single(result.Diagnostics);
        Assert.Contains("made no progress for 0.3 s", d.Message);
    }
}
