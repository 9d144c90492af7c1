using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.IntegrationTests.Support;
using Bookish.Model;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Equations;

/// <summary>
/// A corpus of equations written as authors write them for MathJax and LaTeX (Realistic/equations.md: matrices, cases,
/// aligned, colour, accents, arrows, fonts, operators, big delimiters, text): it builds without an error, and each
/// equation draws the same in the DVI engine as in pdflatex + mutool, and dvisvgm gives the same boxes.
/// </summary>
public sealed class RealisticEquationsTests
{
    private static string Document => Path.Combine(Repo.Root, "tests", "Bookish.IntegrationTests", "Equations", "Realistic", "equations.md");

    private static (IReadOnlyList<MathFragment> Fragments, MathSettings Settings) Collect()
    {
        var publication = Numbering.Apply(InputReader.Read(Document, new DiagnosticBag())!);
        var checks = Bookish.Pipeline.CheckStage.Run(publication);
        return (MathCollector.Collect(publication.Pages), Publisher.MathSettingsFor(publication, new BuildOptions(Document), checks.ExtraMacros));
    }

    [Fact]
    public async Task The_corpus_holds_more_than_150_equations_and_builds_with_no_error_and_no_warning()
    {
        var output = Repo.TempDirectory();
        var result = await Publisher.BuildAsync(new BuildOptions(Document) { OutputDirectory = output, UseCache = false });
        Assert.True(result.MathFragments >= 150, $"{result.MathFragments} equations");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(result.MathFragments, result.MathRendered);
        Assert.NotNull(result.PdfPath);
    }

    [Fact]
    public async Task Every_equation_has_the_same_box_and_ink_in_the_DVI_engine_as_in_pdflatex_and_mutool()
    {
        var (fragments, settings) = Collect();
        var report = new List<(double Share, string Tex)>();
        foreach (var pair in await EngineAgreement.RenderBothAsync(fragments, settings))
        {
            var (f, a, b) = pair;
            Assert.True(Math.Abs(a.WidthEm - b.WidthEm) <= 0.001, f.Tex);
            Assert.True(Math.Abs(a.HeightEm - b.HeightEm) <= 0.001, f.Tex);
            Assert.True(Math.Abs(a.DepthEm - b.DepthEm) <= 0.001, f.Tex);
            report.Add((pair.InkDifference, f.Tex));
        }
        EngineAgreement.AssertInkAgrees(report, 0.005);
    }

    [Fact]
    public async Task The_dvisvgm_engine_gives_TeX_s_box_as_the_picture_like_the_DVI_engine()
    {
        var (fragments, settings) = Collect();
        var sample = fragments.Where(f => !f.Tex.Contains("color", StringComparison.Ordinal)).Take(40).ToList();
        var own = await new TexBatchRenderer().RenderAsync(sample, settings with { Engine = MathEngine.LatexDvi });
        var dvisvgm = await new TexBatchRenderer().RenderAsync(sample, settings with { Engine = MathEngine.LatexDvisvgm });
        Assert.Empty(dvisvgm.Diagnostics);
        foreach (var f in sample)
        {
            var a = own.Rendered[f.Key(settings with { Engine = MathEngine.LatexDvi })];
            var b = dvisvgm.Rendered[f.Key(settings with { Engine = MathEngine.LatexDvisvgm })];
            Assert.Equal(SvgPixels.ViewBox(a.Svg), SvgPixels.ViewBox(b.Svg), (p, q) => Math.Abs(p - q) < 0.002);
            var (ink, differ) = SvgPixels.Compare(a.Svg, b.Svg);
            Assert.True(differ <= ink * 0.02, $"{differ} of {ink} ink pixels differ: {f.Tex}");
        }
    }
}
