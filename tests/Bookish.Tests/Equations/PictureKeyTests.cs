using System.Collections.Immutable;
using Bookish.Equations;
using Bookish.Tests.Html;
using Bookish.Text;

namespace Bookish.Tests.Equations;

/// <summary>
/// The equation cache's key covers everything that changes a picture without changing its TeX string: the preamble
/// (packages, macros, math font), the engine, the TeX installation, the font size, the renderer's own TeX (wrapper
/// macros and the measure an <c>\intertext</c> display is set at) and the files a raw block includes. Changing any one
/// of them renders the equation again through the cache; changing nothing renders nothing.
/// </summary>
public sealed class PictureKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bookish-key-").FullName;
    public void Dispose() => Directory.Delete(_folder, true);

    private sealed class CountingRenderer : IMathRenderer
    {
        private readonly FakeMathRenderer _inner = new();
        public int Rendered { get; private set; }
        public Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
        {
            Rendered += fragments.Count;
            return _inner.RenderAsync(fragments, settings, cancellationToken);
        }
    }

    private const string Intertext = @"\begin{align*} f(x) &= (x+1)^2 \intertext{and so} f(x) &= x^2 + 2x + 1 \end{align*}";

    public static TheoryData<string> Inputs => ["preamble", "macro", "engine", "toolchain", "font size", "renderer", "measure", "included file"];

    private MathSettings Base() => new() { ResourceDirectory = _folder };

    private MathSettings Changed(string input) => input switch
    {
        "preamble" => Base() with { Preamble = Preamble.Base + "\n\\usepackage{bm}" },
        "macro" => Base() with { Preamble = Preamble.Base + "\n\\newcommand{\\vx}{\\mathbf{x}}" },
        "engine" => Base() with { Engine = MathEngine.PdfLatexMutool },
        "toolchain" => Base() with { Toolchain = "texlive-2023" },
        "font size" => Base() with { FontSize = 11 },
        "renderer" => Base() with { Renderer = PictureInputs.RendererOf(TexBatchRenderer.WrapperMacros + "%", MathTex.TextMeasureEm, MathTex.NumberedTextMeasureEm, MathTex.RowMarker) },
        "measure" => Base() with { Renderer = PictureInputs.RendererOf(TexBatchRenderer.WrapperMacros, MathTex.TextMeasureEm + 2, MathTex.NumberedTextMeasureEm, MathTex.RowMarker) },
        _ => Base(),
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Changing_one_input_of_the_picture_renders_the_equations_again(string input)
    {
        File.WriteAllBytes(Path.Combine(_folder, "plot.png"), [1, 2, 3]);
        var fragments = new[]
        {
            new MathFragment(Intertext, MathMode.Display, ImmutableArray.Create(SourceSpan.None)),
            new MathFragment(@"\includegraphics[width=3cm]{plot}", MathMode.RawBlock, ImmutableArray.Create(SourceSpan.None)),
        };
        var inner = new CountingRenderer();
        var cached = new CachingMathRenderer(inner, Path.Combine(_folder, "cache"));
        await cached.RenderAsync(fragments, Base());
        Assert.Equal(2, inner.Rendered);
        await cached.RenderAsync(fragments, Base());
        Assert.Equal(2, inner.Rendered);

        if (input == "included file") File.WriteAllBytes(Path.Combine(_folder, "plot.png"), [1, 2, 3, 4]);
        await cached.RenderAsync(fragments, Changed(input));
        Assert.Equal(input == "included file" ? 3 : 4, inner.Rendered);
    }

    [Fact]
    public void The_default_renderer_signature_is_the_measure_and_wrapper_in_use()
    {
        Assert.Equal(PictureInputs.RendererOf(TexBatchRenderer.WrapperMacros, 28, 24, MathTex.RowMarker), new MathSettings().Renderer);
        Assert.NotEqual(PictureInputs.RendererOf(TexBatchRenderer.WrapperMacros, 30, 24, MathTex.RowMarker), new MathSettings().Renderer);
        Assert.NotEqual(PictureInputs.RendererOf(TexBatchRenderer.WrapperMacros, 28, 26, MathTex.RowMarker), new MathSettings().Renderer);
    }
}
