using System.Collections.Immutable;
using Bookish.Equations;
using Bookish.Tests.Toolchain;
using Bookish.Text;

namespace Bookish.Tests.Equations;

/// <summary>The equation batches' format-discard path against a scripted TeX.</summary>
public sealed class BatchFormatTests
{
    [Fact]
    public async Task A_format_pdfTeX_refuses_is_discarded_and_the_batch_runs_again_from_the_system_format()
    {
        string? dumped = null;
        using var tex = new ScriptedToolchain()
            .On("pdftex", (run, _) =>
            {
                if (run.Arguments.Contains("-ini"))
                {
                    dumped = run.Arguments.Single(a => a.StartsWith("-jobname=", StringComparison.Ordinal))["-jobname=".Length..];
                    return new ScriptedRun { Files = new Dictionary<string, string> { [dumped + ".fmt"] = "a format of another pdfTeX" } };
                }
                return new ScriptedRun(1) { Output = ["---! " + dumped + ".fmt was written by a different version of pdfTeX", "(Fatal format file error; I'm stymied)"] };
            })
            .On("pdflatex", (run, _) =>
            {
                // The fragment begins (its marker carries the run's token), then TeX stops on it.
                var token = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(run.WorkDirectory, "math.tex")), @"BKB:([a-z]+):0").Groups[1].Value;
                return new ScriptedRun(1) { Files = new Dictionary<string, string> { [TexBatchRenderer.Job + ".log"] = $"BKB:{token}:0\n! Undefined control sequence.\nl.40 x^2\n" } };
            });
        var fragment = new MathFragment("x^2", MathMode.Inline, [SourceSpan.At("doc.md", 3, 5)]);

        var result = await new TexBatchRenderer(tex).RenderAsync([fragment], new MathSettings { Parallelism = 1, Toolchain = tex.Identity, Engine = MathEngine.PdfLatexMutool });

        Assert.NotNull(dumped);
        var formatRun = tex.CallsOf("pdftex").Single(c => !c.Arguments.Contains("-ini"));
        Assert.Contains("-fmt=" + dumped, formatRun.Arguments);
        Assert.False(File.Exists(Path.Combine(TexFormat.Directory, dumped + ".fmt")), "the refused format is still there");
        // The batch ran again without it (all of the source in one file), and what that run said is reported.
        var again = Assert.Single(tex.CallsOf("pdflatex"));
        Assert.DoesNotContain(again.Arguments, a => a.StartsWith("-fmt", StringComparison.Ordinal));
        Assert.Equal(["-no-shell-escape", "-interaction=nonstopmode"], again.Arguments.Take(2));
        Assert.Empty(result.Rendered);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("BK2001", 3), (d.Id, d.Span.Line));
        Assert.Contains("Undefined control sequence", d.Message);
    }
}
