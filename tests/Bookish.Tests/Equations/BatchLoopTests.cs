using System.Diagnostics;
using System.Text.RegularExpressions;
using Bookish.Equations;
using Bookish.Tests.Toolchain;
using Bookish.Text;
using Bookish.Toolchain;

namespace Bookish.Tests.Equations;

/// <summary>
/// How the batch renderer searches for endless loops, against a scripted pdfTeX that typesets every fragment at once
/// except those naming <c>\spin</c>, where it stops printing (as a looping TeX does), and a scripted mutool.
/// </summary>
public sealed partial class BatchLoopTests
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(0.5);

    [GeneratedRegex(@"\\typeout\{BKB:([a-z]+):(\d+)\}")] private static partial Regex Begin();

    /// <summary>The fragments of the batch in <paramref name="work"/>: the run's token and each fragment's source.</summary>
    private static (string Token, List<string> Fragments) Batch(string work)
    {
        var source = File.ReadAllText(Path.Combine(work, "math.tex"));
        var begins = Begin().Matches(source);
        // Each fragment's text is in a file of its own, which the batch file names after the fragment's begin marker.
        var fragments = begins.Select((m, i) => File.ReadAllText(Path.Combine(work, TexBatchRenderer.FragmentFile(i)))).ToList();
        return (begins.Count > 0 ? begins[0].Groups[1].Value : "", fragments);
    }

    private static ScriptedToolchain Tex() => new ScriptedToolchain()
        .On("pdftex", (run, _) =>
        {
            if (run.Arguments.Contains("-ini"))
                return new ScriptedRun { Files = new Dictionary<string, string> { [run.Arguments.Single(a => a.StartsWith("-jobname=", StringComparison.Ordinal))[9..] + ".fmt"] = "format" } };
            var (token, fragments) = Batch(run.WorkDirectory);
            var printed = new List<string>();
            for (var i = 0; i < fragments.Count; i++)
            {
                printed.Add($"BKB:{token}:{i}");
                if (fragments[i].Contains("\\spin", StringComparison.Ordinal)) return new ScriptedRun { Output = printed, Hangs = true };
                printed.Add($"BKM:{token}:{i}:6.0pt:1.0pt:12.0pt");
            }
            return new ScriptedRun { Output = printed, Files = new Dictionary<string, string> { [TexBatchRenderer.Job + ".log"] = string.Join("\n", printed) + "\n", [TexBatchRenderer.Job + ".pdf"] = "%PDF" } };
        })
        .On("mutool", (run, _) => new ScriptedRun
        {
            Files = Enumerable.Range(1, Batch(run.WorkDirectory).Fragments.Count).ToDictionary(
                p => $"p{p}.svg", _ => "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12pt\" height=\"7pt\" viewBox=\"0 0 12 7\"><path d=\"M0 0L12 7\"/></svg>"),
        });

    [Fact]
    public async Task Six_loops_among_a_hundred_fragments_are_found_in_about_two_stall_times_each_at_its_own_span()
    {
        using var tex = Tex();
        var loops = new[] { 8, 26, 44, 62, 80, 98 };
        var fragments = Enumerable.Range(0, 106).Select(i => new MathFragment(loops.Contains(i) ? $"\\spin{{{i}}}" : $"x_{{{i}}}", MathMode.Inline,
            [SourceSpan.At("doc.md", i + 1, 1)])).ToList();
        var watch = Stopwatch.StartNew();

        var result = await new TexBatchRenderer(tex).RenderAsync(fragments,
            new MathSettings { Parallelism = 1, Timeout = Stall, Engine = MathEngine.PdfLatexMutool, Toolchain = tex.Identity });

        watch.Stop();
        Assert.Equal(100, result.Rendered.Count);
        Assert.Equal(loops.Select(i => i + 1), result.Diagnostics.Select(d => d.Span.Line).Order());
        Assert.All(result.Diagnostics, d => Assert.Equal("BK2003", d.Id));
        // Found one after another, each stall would wait for the one before: a chain of six. In parallel pieces: two
        // rounds (the first loop, then all the others at once), whatever the machine's load does to the clock.
        Assert.Equal(6, tex.Hangs.Count);
        Assert.Equal(2, LongestChain(tex.Hangs));
        Assert.True(watch.Elapsed < Stall * 6 + TimeSpan.FromSeconds(5), $"took {watch.Elapsed.TotalSeconds:0.00} s");
    }

    /// <summary>The most stalls that had to wait for one another (each began after the one before it was stopped).</summary>
    private static int LongestChain(IReadOnlyList<(DateTime Start, DateTime End)> hangs)
    {
        var ordered = hangs.OrderBy(h => h.End).ToList();
        var chain = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
            chain[i] = 1 + Enumerable.Range(0, i).Where(j => ordered[j].End <= ordered[i].Start).Select(j => chain[j]).DefaultIfEmpty(0).Max();
        return chain.DefaultIfEmpty(0).Max();
    }

    [Fact]
    public async Task A_short_rest_after_a_loop_runs_as_one_piece()
    {
        using var tex = Tex();
        var fragments = new[] { "a", "\\spin", "b", "c", "d" }.Select((t, i) => new MathFragment(t, MathMode.Inline, [SourceSpan.At("doc.md", i + 1, 1)])).ToList();

        var result = await new TexBatchRenderer(tex).RenderAsync(fragments,
            new MathSettings { Parallelism = 1, Timeout = Stall, Engine = MathEngine.PdfLatexMutool, Toolchain = tex.Identity });

        Assert.Equal(4, result.Rendered.Count);
        Assert.Equal(2, Assert.Single(result.Diagnostics).Span.Line);
        // The whole batch, then the fragment before the loop and the three after it: three TeX runs.
        Assert.Equal(3, result.TexRuns);
    }
}
