using Bookish.Equations;

namespace Bookish.IntegrationTests.Support;

/// <summary>Renders the same fragments with Bookish's DVI engine and with pdflatex + mutool, for tests that compare the two.</summary>
internal static class EngineAgreement
{
    public sealed record Pair(MathFragment Fragment, RenderedMath Dvi, RenderedMath Reference)
    {
        /// <summary>The share of ink pixels that differ when both are rasterised at 4 pixels per point.</summary>
        public double InkDifference
        {
            get
            {
                var (ink, differ) = SvgPixels.Compare(Dvi.Svg, Reference.Svg);
                return ink == 0 ? 0 : differ / (double)ink;
            }
        }
    }

    /// <summary>Both renderings of every fragment; neither engine may report a diagnostic or leave one out.</summary>
    public static async Task<List<Pair>> RenderBothAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings)
    {
        var dvi = settings with { Engine = MathEngine.LatexDvi };
        var reference = settings with { Engine = MathEngine.PdfLatexMutool };
        var own = await new TexBatchRenderer().RenderAsync(fragments, dvi);
        var other = await new TexBatchRenderer().RenderAsync(fragments, reference);
        Assert.Empty(own.Diagnostics);
        Assert.Empty(other.Diagnostics);
        Assert.Equal(fragments.Count, own.Rendered.Count);
        return fragments.Select(f => new Pair(f, own.Rendered[f.Key(dvi)], other.Rendered[f.Key(reference)])).ToList();
    }

    /// <summary>Fails with the five worst equations when any differs in more than <paramref name="share"/> of its ink.</summary>
    public static void AssertInkAgrees(IEnumerable<(double Share, string Tex)> report, double share)
    {
        var worst = report.OrderByDescending(r => r.Share).Take(5).ToList();
        Assert.True(worst.Count == 0 || worst[0].Share <= share, string.Join("\n", worst.Select(w => $"{w.Share:P2}  {w.Tex}")));
    }
}
