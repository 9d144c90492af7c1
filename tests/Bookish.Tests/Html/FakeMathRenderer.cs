using Bookish.Equations;

namespace Bookish.Tests.Html;

/// <summary>Fakes the TeX seam: every fragment becomes a tiny SVG with a shared glyph and fixed metrics.</summary>
internal sealed class FakeMathRenderer : IMathRenderer
{
    public Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
    {
        var rendered = fragments.ToDictionary(f => f.Key(settings), f => new RenderedMath(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 12\"><defs><path id=\"font_0_1\" d=\"M0 0L1 1Z\"/></defs><use xlink:href=\"#font_0_1\"/></svg>",
            1.5, 0.8, 0.25));
        return Task.FromResult(new MathBatchResult(rendered, []));
    }
}
