using Bookish.Equations;
using Bookish.Equations.Dvi;
using Bookish.IntegrationTests.Support;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.IntegrationTests.Equations;

/// <summary>Bookish's own DVI drawing with real TeX: fonts through map and encoding files, fallbacks, the TeX format.</summary>
public sealed class DviEngineTests
{
    private static MathFragment Inline(string tex, int line = 1) => new(tex, MathMode.Inline, [new SourceSpan("doc.md", line, 1, line, 1 + tex.Length)]);

    private static readonly MathSettings Dvi = new() { Engine = MathEngine.LatexDvi };

    [Fact]
    public async Task TFM_widths_and_Type_1_outlines_come_from_the_installed_fonts()
    {
        var fonts = await TexFonts.Shared.LoadAsync(["cmr10", "cmmi10", "nosuchfont10"]);
        var cmr10 = fonts["cmr10"]!;
        // cmr10's "A" is 7.50002pt wide at 10pt (TeX's \wd of \hbox{A}); 1pt = 65536sp.
        Assert.Equal(491521, cmr10.Metrics.Width('A', 655360));
        Assert.Equal("A", cmr10.Encoding['A']);
        Assert.NotEmpty(cmr10.PathOf('A')!);
        Assert.Equal(1000, cmr10.Outlines!.UnitsPerEm);
        Assert.Null(fonts["nosuchfont10"]);
        // cmmi10 has its own encoding: code 11 is alpha.
        Assert.Equal("alpha", fonts["cmmi10"]!.Encoding[11]);
    }

    [Fact]
    public async Task Latin_Modern_drawn_through_its_encoding_file_matches_pdflatex()
    {
        var fragments = new[] { Inline(@"\text{\fontfamily{lmr}\selectfont Quick fox, ffi} + x^2") };
        await AssertDrawnLikePdfLatex(fragments, Dvi, texRuns: 1);  // drawn from the DVI, no fallback run
    }

    [Fact]
    public async Task Virtual_fonts_are_drawn_from_the_fonts_they_are_made_of()
    {
        // txfonts' maths and text fonts are virtual fonts over Type 1 fonts, some re-encoded through the map file.
        var settings = Dvi with { Preamble = Preamble.For(new Metadata(), mathFont: "times") };
        var fragments = new[] { Inline(@"a + b = \sum_i x_i \text{ for all } \alpha", 1), Inline(@"\int_0^1 f(x)\,dx \neq \mathbb{R}", 2) };
        await AssertDrawnLikePdfLatex(fragments, settings, texRuns: 1);
    }

    [Fact]
    public async Task A_page_the_writer_cannot_draw_falls_back_to_pdflatex_alone()
    {
        // A document macro that leaves a special Bookish does not draw: that page goes to pdfTeX + mutool.
        var settings = Dvi with { Preamble = Preamble.Base + "\\newcommand{\\marked}{\\special{bookish-test}}\n" };
        var fragments = new[] { Inline(@"\marked x^2", 1), Inline(@"y^2", 2) };
        await AssertDrawnLikePdfLatex(fragments, settings, texRuns: 2);
    }

    [Fact]
    public async Task A_PNG_in_an_equation_is_drawn_from_the_DVI_and_a_JPEG_goes_through_pdflatex()
    {
        var dir = Directory.CreateTempSubdirectory("bookish-img-").FullName;
        using (var bitmap = new SkiaSharp.SKBitmap(40, 20))
        {
            bitmap.Erase(SkiaSharp.SKColors.Red);
            using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
            File.WriteAllBytes(Path.Combine(dir, "dot.png"), image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray());
            File.WriteAllBytes(Path.Combine(dir, "dot.jpg"), image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90).ToArray());
        }
        var settings = Dvi with { ResourceDirectory = dir };
        var png = Inline(@"a \includegraphics[width=2em]{dot.png} b", 1);
        var jpg = Inline(@"c \includegraphics[width=2em]{dot.jpg} d", 2);
        var result = await new TexBatchRenderer().RenderAsync([png, jpg], settings);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.TexRuns); // one DVI batch, one pdflatex batch beside it
        Assert.Contains("data:image/png;base64,", result.Rendered[png.Key(settings)].Svg);
        Assert.Contains("<image", result.Rendered[jpg.Key(settings)].Svg);
        // The PNG is sized as pdfTeX sizes it: 2em = 20pt wide, 10pt high (40 × 20 pixels), like the reference.
        var reference = await new TexBatchRenderer().RenderAsync([png], settings with { Engine = MathEngine.PdfLatexMutool });
        Assert.Equal(reference.Rendered[png.Key(settings with { Engine = MathEngine.PdfLatexMutool })].WidthEm, result.Rendered[png.Key(settings)].WidthEm, 4);
        var (ink, differ) = SvgPixels.Compare(result.Rendered[png.Key(settings)].Svg, reference.Rendered[png.Key(settings with { Engine = MathEngine.PdfLatexMutool })].Svg);
        Assert.True(ink > 200 && differ < ink / 50.0, $"{differ} of {ink} pixels differ");
    }

    [Fact]
    public async Task A_format_TeX_refuses_is_discarded_and_the_batch_still_renders()
    {
        // An 11pt preamble: a format no other test uses.
        var settings = Dvi with { FontSize = 11 };
        var fragments = new[] { Inline("x^2 + y^2") };
        var (formatPart, _) = TexBatchRenderer.Source(fragments, settings);
        var name = await TexFormat.GetAsync(formatPart, TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.NotNull(name);
        var path = Path.Combine(TexFormat.Directory, name + ".fmt");
        Assert.True(new FileInfo(path).Length > 1_000_000);
        await File.WriteAllTextAsync(path, "not a format");

        var result = await new TexBatchRenderer().RenderAsync(fragments, settings);
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Rendered);
        Assert.False(File.Exists(path) && new FileInfo(path).Length < 1000, "the refused format is still there");
    }

    [Fact]
    public async Task A_broken_fragment_is_reported_and_the_others_drawn()
    {
        var fragments = new[] { Inline("a", 1), Inline(@"\frac{1}{", 2), Inline("b", 3) };
        var result = await new TexBatchRenderer().RenderAsync(fragments, Dvi);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(2, d.Span.Line);
        Assert.Equal(2, result.Rendered.Count);
    }

    /// <summary>Renders with the DVI engine in <paramref name="texRuns"/> TeX runs, without errors, and like pdflatex + mutool.</summary>
    private static async Task AssertDrawnLikePdfLatex(MathFragment[] fragments, MathSettings settings, int texRuns)
    {
        var own = await new TexBatchRenderer().RenderAsync(fragments, settings);
        Assert.Empty(own.Diagnostics);
        Assert.Equal(fragments.Length, own.Rendered.Count);
        Assert.Equal(texRuns, own.TexRuns);
        await AssertSamePixelsAsPdfLatex(fragments, settings, own);
    }

    private static async Task AssertSamePixelsAsPdfLatex(IReadOnlyList<MathFragment> fragments, MathSettings settings, MathBatchResult own)
    {
        var pdfSettings = settings with { Engine = MathEngine.PdfLatexMutool };
        var reference = await new TexBatchRenderer().RenderAsync(fragments, pdfSettings);
        Assert.Empty(reference.Diagnostics);
        foreach (var f in fragments)
        {
            var a = own.Rendered[f.Key(settings)];
            var b = reference.Rendered[f.Key(pdfSettings)];
            Assert.Equal(b.WidthEm, a.WidthEm, 4);
            var (ink, differ) = SvgPixels.Compare(a.Svg, b.Svg);
            Assert.True(ink > 50, "nothing drawn");
            Assert.True(differ < ink / 100.0, $"{differ} of {ink} ink pixels differ for {f.Tex}");
        }
    }
}
