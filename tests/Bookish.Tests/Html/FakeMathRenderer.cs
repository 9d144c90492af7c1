using Bookish.Equations;

namespace Bookish.Tests.Html;

/// <summary>Fakes the TeX seam: every fragment becomes a tiny SVG using one glyph outline and fixed metrics.</summary>
internal sealed class FakeMathRenderer : IMathRenderer
{
    public Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
    {
        // As the renderer hands equations over: markup that refers to a glyph by its content id, the outline beside it.
        const string outline = "M0 0L1 1Z";
        var id = GlyphOutlines.IdOf(outline);
        var rendered = fragments.ToDictionary(f => f.Key(settings), f => new RenderedMath(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 12\"><use xlink:href=\"#{id}\"/></svg>",
            1.5, 0.8, 0.25) { Glyphs = new Dictionary<string, string> { [id] = outline } });
        return Task.FromResult(new MathBatchResult(rendered, []));
    }
}
