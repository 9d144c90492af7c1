namespace Bookish.Equations;

/// <summary>
/// An equation as SVG with TeX's own box: width, height above the baseline and depth below it, in em of the body font.
/// The SVG's viewBox covers exactly height + depth by width. <see cref="Markup"/> refers to glyph outlines by id; those
/// kept out of it are in <see cref="Glyphs"/> (ids name outlines, see <see cref="GlyphOutlines"/>), so a page can
/// define each glyph once for all its equations.
/// </summary>
public sealed record RenderedMath(string Markup, double WidthEm, double HeightEm, double DepthEm)
{
    public double TotalHeightEm => HeightEm + DepthEm;

    /// <summary>Glyph outlines (SVG path data, y up, by id) that <see cref="Markup"/> uses but does not define.</summary>
    public IReadOnlyDictionary<string, string> Glyphs { get; init; } = GlyphOutlines.None;

    /// <summary>
    /// The keys of the fragments typeset before this one in the same TeX process (empty: it was typeset alone, or by a
    /// renderer whose equations cannot affect each other). Their global definitions may have changed this picture, so the
    /// cache hands it only to builds that contain all of them (see <see cref="CachingMathRenderer"/>). Not part of equality.
    /// </summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>The SVG as a picture that stands alone: the markup with its glyph outlines defined inside.</summary>
    public string Svg => GlyphOutlines.Standalone(Markup, Glyphs);

    /// <summary>Equal when they draw the same: markup, box and the same outlines under the same ids.</summary>
    public bool Equals(RenderedMath? other) =>
        other is not null && Markup == other.Markup && WidthEm.Equals(other.WidthEm) && HeightEm.Equals(other.HeightEm) && DepthEm.Equals(other.DepthEm)
        && Glyphs.Count == other.Glyphs.Count && Glyphs.All(g => other.Glyphs.TryGetValue(g.Key, out var d) && d == g.Value);

    public override int GetHashCode() => HashCode.Combine(Markup, WidthEm, HeightEm, DepthEm, Glyphs.Count);
}
