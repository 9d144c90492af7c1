using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.IntegrationTests.Support;
using Bookish.Model;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Equations;

/// <summary>
/// Bookish's own DVI-to-SVG writer against pdfTeX + mutool on every distinct equation of the matrix calculus paper and the content article:
/// the same TeX boxes, and the same pixels when both SVGs are rasterised at 4 pixels per point.
/// </summary>
public sealed class DviEngineAgreementTests
{
    public static TheoryData<string> Documents => new()
    {
        Repo.Corpus("matrix-calculus", "article.xml"),
        Repo.Content("vector-derivatives"),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_equation_draws_the_same_pixels_as_pdflatex_and_mutool(string input)
    {
        var publication = InputReader.Read(input, new DiagnosticBag())!;
        publication = Numbering.Apply(publication);
        var fragments = MathCollector.Collect(publication.Pages);
        var baseDir = publication.Pages[0].BaseDirectory;
        // The notation's macros join the preamble, as in a build.
        var checks = Bookish.Pipeline.CheckStage.Run(publication);
        var settings = Publisher.MathSettingsFor(publication, new BuildOptions(input), checks.ExtraMacros) with { ResourceDirectory = baseDir };
        var report = new List<(double Share, string Tex)>();
        foreach (var pair in await EngineAgreement.RenderBothAsync(fragments, settings))
        {
            var (f, a, b) = pair;
            Assert.Equal(b.WidthEm, a.WidthEm, 4);
            Assert.Equal(b.HeightEm, a.HeightEm, 4);
            Assert.Equal(b.DepthEm, a.DepthEm, 4);
            Assert.Equal(SvgPixels.ViewBox(b.Svg), SvgPixels.ViewBox(a.Svg), (p, q) => Math.Abs(p - q) < 0.002);
            report.Add((pair.InkDifference, f.Tex));
        }
        // Anti-aliasing of two renderings of the same outlines differs only at edges: well under 1% of the ink.
        EngineAgreement.AssertInkAgrees(report, 0.0099);
    }
}
