using System.Collections.Immutable;
using System.Diagnostics;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.IntegrationTests.Support;
using Bookish.Text;

namespace Bookish.IntegrationTests.Equations;

/// <summary>The real batch renderer: pdflatex + mutool (and latex + dvisvgm), isolation, cache, containment.</summary>
public sealed class EquationEngineTests
{
    private static MathFragment Inline(string tex, int line) => new(tex, MathMode.Inline, [new SourceSpan("doc.md", line, 5, line, 5 + tex.Length)]);

    private static readonly MathSettings Settings = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task One_broken_fragment_among_fifty_fails_alone_and_is_reported_at_its_span()
    {
        var fragments = Enumerable.Range(1, 50).Select(i => i == 23 ? Inline(@"\frac{1}{", i) : Inline($"x_{{{i}}}^2 + \\alpha_{i}", i)).ToList();
        var result = await new TexBatchRenderer().RenderAsync(fragments, Settings);
        Assert.Equal(49, result.Rendered.Count);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("BK2001", d.Id);
        Assert.Equal(23, d.Span.Line);
        Assert.Equal(5, d.Span.Column);
        Assert.StartsWith("!", d.Message);
    }

    [Fact]
    public async Task An_undefined_control_sequence_reports_TeX_s_message_and_the_token()
    {
        var result = await new TexBatchRenderer().RenderAsync([Inline("a + b", 1), Inline(@"\nosuchmacro{x}", 2), Inline("c", 3)], Settings);
        Assert.Equal(2, result.Rendered.Count);
        var d = Assert.Single(result.Diagnostics);
        Assert.Contains("Undefined control sequence", d.Message);
        Assert.Contains(@"\nosuchmacro", d.Message);
    }

    [Fact]
    public async Task Metrics_come_from_TeX_s_box_in_em()
    {
        // \frac{\partial y}{\partial x_i} at 10pt: TeX reports ht 9.32217pt, dp 4.44841pt, wd 14.8036pt.
        var result = await new TexBatchRenderer().RenderAsync([Inline(@"\frac{\partial y}{\partial x_i}", 1)], Settings);
        var m = Assert.Single(result.Rendered.Values);
        Assert.Equal(0.932217, m.HeightEm, 4);
        Assert.Equal(0.444841, m.DepthEm, 4);
        Assert.Equal(1.48036, m.WidthEm, 4);
        Assert.Contains("viewBox=\"0 0 14.748 13.719\"", m.Svg);  // TeX pt * 72/72.27 = SVG pt
        Assert.Contains("currentColor", m.Svg);
    }

    [Theory]
    [InlineData(@"\input{/etc/passwd}")]
    [InlineData(@"\include{x}")]
    [InlineData(@"\openin5=x")]
    [InlineData(@"\openout5=x")]
    [InlineData(@"\write18{touch pwned}")]
    [InlineData(@"\immediate\write16{x}")]
    [InlineData(@"\read16 to \x")]
    [InlineData(@"\catcode`\@=11")]
    [InlineData(@"\csname input\endcsname{x}")]
    public async Task Forbidden_primitives_are_rejected_before_TeX_runs(string tex)
    {
        var result = await new TexBatchRenderer().RenderAsync([Inline(tex, 4), Inline("y", 5)], Settings);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.ForbiddenPrimitive, d.Id);
        Assert.Equal(4, d.Span.Line);
        Assert.Single(result.Rendered);
    }

    [Fact]
    public async Task An_endless_macro_loop_is_killed_within_the_timeout_and_isolated()
    {
        var settings = Settings with { Timeout = TimeSpan.FromSeconds(6) };
        var watch = Stopwatch.StartNew();
        var result = await new TexBatchRenderer().RenderAsync([Inline("a", 1), Inline(@"\def\x{\x}\x", 2), Inline("b", 3)], settings);
        watch.Stop();
        Assert.Equal(2, result.Rendered.Count);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.TexTimeout, d.Id);
        Assert.Equal(2, d.Span.Line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Fragments_render_in_parallel_batches_one_per_core()
    {
        var fragments = Enumerable.Range(1, 80).Select(i => Inline($"y_{{{i}}}", i)).ToList();
        var result = await new TexBatchRenderer().RenderAsync(fragments, Settings with { Parallelism = 2 });
        Assert.Equal(80, result.Rendered.Count);
        Assert.Equal(2, result.TexRuns);
    }

    [Fact]
    public async Task The_dvisvgm_engine_gives_the_same_metrics()
    {
        var tex = @"\sum_{i=1}^n x_i";
        var pdf = await new TexBatchRenderer().RenderAsync([Inline(tex, 1)], Settings);
        var dvi = await new TexBatchRenderer().RenderAsync([Inline(tex, 1)], Settings with { Engine = MathEngine.LatexDvisvgm });
        var a = Assert.Single(pdf.Rendered.Values);
        var b = Assert.Single(dvi.Rendered.Values);
        Assert.Equal(a.WidthEm, b.WidthEm, 6);
        Assert.Equal(a.DepthEm, b.DepthEm, 6);
        Assert.Contains("<svg", b.Svg);
    }

    [Fact]
    public async Task A_corrupted_cache_entry_is_detected_and_rendered_again()
    {
        var cache = Repo.TempDirectory();
        var fragment = Inline(@"\sqrt{2}", 1);
        var first = new CachingMathRenderer(new TexBatchRenderer(), cache);
        var original = (await first.RenderAsync([fragment], Settings)).Rendered.Single().Value;
        var file = Directory.GetFiles(cache, "*.json", SearchOption.AllDirectories).Single();
        File.WriteAllText(file, File.ReadAllText(file)[..40]);  // truncated
        var second = new CachingMathRenderer(new TexBatchRenderer(), cache);
        var again = (await second.RenderAsync([fragment], Settings)).Rendered.Single().Value;
        Assert.Equal(1, second.Misses);
        Assert.Equal(original, again);
        var third = new CachingMathRenderer(new TexBatchRenderer(), cache);
        await third.RenderAsync([fragment], Settings);
        Assert.Equal(1, third.Hits);
    }

    [Fact]
    public void Cache_keys_change_with_the_preamble_the_mode_the_engine_and_the_TeX_installation()
    {
        var a = MathFragment.KeyOf("x", MathMode.Inline, Settings);
        Assert.NotEqual(a, MathFragment.KeyOf("x", MathMode.Inline, Settings with { Preamble = Settings.Preamble + "\\newcommand{\\vx}{x}" }));
        Assert.NotEqual(a, MathFragment.KeyOf("x", MathMode.Display, Settings));
        Assert.NotEqual(a, MathFragment.KeyOf("x", MathMode.Inline, Settings with { Engine = MathEngine.PdfLatexMutool }));
        Assert.NotEqual(a, MathFragment.KeyOf("x", MathMode.Inline, Settings with { Toolchain = "another TeX Live" }));
        // This machine's TeX is found and named (pdfTeX binary and file database dates).
        Assert.NotEqual("no-tex", Settings.Toolchain);
        Assert.Equal(a, MathFragment.KeyOf("x", MathMode.Inline, new MathSettings { Timeout = TimeSpan.FromSeconds(20) }));
    }
}
