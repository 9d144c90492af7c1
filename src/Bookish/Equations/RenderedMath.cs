namespace Bookish.Equations;

/// <summary>
/// An equation as SVG with TeX's own box: width, height above the baseline and depth below it, in em of the body font.
/// The SVG's viewBox covers exactly height + depth by width.
/// </summary>
public sealed record RenderedMath(string Svg, double WidthEm, double HeightEm, double DepthEm)
{
    public double TotalHeightEm => HeightEm + DepthEm;
}
