using System.Diagnostics;
using System.Text;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// Issue 14 and 16: endless loops in equations are found in parallel (a few stall times in all, not one each), and a
/// raw LaTeX block that hangs pdflatex becomes a marker instead of costing the PDF.
/// </summary>
public sealed class LoopTests
{
    /// <summary>Six different ways to loop forever, as people write them.</summary>
    private static readonly string[] Loops =
    [
        "$$\\spin$$",
        "$$\n\\def\\again{\\again}\\again\n$$",
        "\\begin{equation}\n\\loop\\iftrue\\repeat\n\\end{equation}",
        "$$ f(x) = \\spin + 1 $$",
        "\\[ \\twirl \\]",
        "$$\\def\\ping{\\pong}\\def\\pong{\\ping}\\ping$$",
    ];

    [Fact(Timeout = 180_000)]
    public async Task Six_endless_loops_among_a_hundred_equations_cost_about_two_stall_times_not_six()
    {
        // One TeX process at a time: found one after another, the six stalls alone would take 6 × 8 s = 48 s. In parallel
        // pieces it is two stall times and the TeX runs around them (long stalls keep a loaded machine's overhead small beside them).
        var stall = TimeSpan.FromSeconds(8);
        var markdown = new StringBuilder("---\ntitle: Step sizes\nmacros:\n  spin: '\\spin'\n  twirl: '\\def\\x{\\x}\\x'\n---\n# Gradient descent, step by step\n\n");
        var loopLines = new List<int>();
        for (int i = 0, loop = 0; i < 106; i++)
        {
            if (i % 18 == 8)
            {
                loopLines.Add(markdown.ToString().Count(c => c == '\n') + 1);
                markdown.Append(Loops[loop++]).Append("\n\n");
            }
            else markdown.Append($"At step {i} the iterate is $x_{{{i}}} = x_{{{i - 1}}} - \\eta_{{{i}}} \\nabla f(x_{{{i - 1}}})$ with η = 1/{i + 2}.\n\n");
        }
        var doc = Repo.WriteDocument(markdown.ToString());
        var dir = Path.GetDirectoryName(doc)!;
        var watch = Stopwatch.StartNew();

        var r = await Publisher.BuildAsync(new BuildOptions(doc)
        {
            OutputDirectory = Path.Combine(dir, "o"), UseCache = false, Pdf = false, TexTimeout = stall, Parallelism = 1,
        });

        watch.Stop();
        Assert.Equal(6, loopLines.Count);
        var timeouts = r.Diagnostics.Where(d => d.Id == "BK2003").ToList();
        Assert.Equal(loopLines, timeouts.Select(d => d.Span.Line).Order());
        Assert.All(r.Diagnostics.Where(d => d.IsError), d => Assert.Equal("BK2003", d.Id));
        Assert.Equal(r.MathFragments - 6, r.MathRendered);
        Assert.True(watch.Elapsed < stall * 6 - TimeSpan.FromSeconds(1), $"took {watch.Elapsed.TotalSeconds:0.0} s for six loops at {stall.TotalSeconds} s each");
    }

    [Fact(Timeout = 180_000)]
    public async Task A_raw_LaTeX_block_that_hangs_pdflatex_becomes_a_marker_and_the_PDF_is_kept()
    {
        var doc = Repo.WriteDocument("""
            # Raw LaTeX that never ends

            The paragraph before the block.

            ```{=latex}
            \newcount\n
            \loop\advance\n by 1 \iftrue\repeat
            ```

            The paragraph after the block, with $a^2 + b^2 = c^2$ in it.
            """);
        var dir = Path.GetDirectoryName(doc)!;
        var watch = Stopwatch.StartNew();

        var r = await Publisher.BuildAsync(new BuildOptions(doc)
        {
            OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c"), TexTimeout = TimeSpan.FromSeconds(2),
        });

        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed.TotalSeconds:0.0} s (the PDF run's own bound is 120 s)");
        var d = Assert.Single(r.Diagnostics, d => d.IsError);
        Assert.Equal(("BK2003", 5), (d.Id, d.Span.Line));
        Assert.Contains("no progress", d.Message);
        Assert.False(r.Succeeded);
        Assert.NotNull(r.PdfPath);
        var words = PdfText.Normalize(PdfText.Words(r.PdfPath!));
        Assert.Contains("The paragraph before the block.", words);
        Assert.Contains("The paragraph after the block, with", words);
        // The marker shows what failed: the loop's own source.
        Assert.Contains("advance", words);
    }
}
