using Bookish.Equations;

namespace Bookish.Html;

/// <summary>
/// Shares glyph outlines across all equations of a page: each equation hands over its outlines as data, named by
/// content (<see cref="GlyphOutlines"/>), and the page defines each once in one block that every equation refers to.
/// </summary>
internal sealed class GlyphStore
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<(string Id, string D)> _defs = [];

    public IReadOnlyList<(string Id, string D)> Definitions => _defs;

    /// <summary>Adds the equation's glyph outlines to the page's definitions and returns its markup, which refers to them.</summary>
    public string Share(RenderedMath math)
    {
        foreach (var (id, d) in math.Glyphs)
            if (_ids.Add(id)) _defs.Add((id, d));
        return math.Markup;
    }
}
