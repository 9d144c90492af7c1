using System.Globalization;
using System.Text.RegularExpressions;

namespace Bookish.Equations;

internal static partial class SvgPage
{
    [GeneratedRegex(@"<svg\b[^>]*>")] private static partial Regex RootTag();
    [GeneratedRegex(@"\s(width|height|viewBox)=(""[^""]*""|'[^']*')")] private static partial Regex SizeAttribute();

    /// <summary>
    /// dvisvgm sizes a page by its ink (<c>--exact-bbox</c>); the page needs TeX's box, as the other engines give it.
    /// The DVI page is shipped at the origin, so in dvisvgm's coordinates the box runs from (0, 0) to
    /// (width, height + depth) in big points with the baseline at its height: the SVG is given exactly that picture.
    /// </summary>
    public static string WithTexBox(string svg, double heightPt, double depthPt, double widthPt)
    {
        const double bp = 72 / 72.27;
        var w = (widthPt * bp).ToString("0.#####", CultureInfo.InvariantCulture);
        var h = ((heightPt + depthPt) * bp).ToString("0.#####", CultureInfo.InvariantCulture);
        return RootTag().Replace(svg, m => SizeAttribute().Replace(m.Value, "")[..^1].TrimEnd('/') +
            $" width=\"{w}pt\" height=\"{h}pt\" viewBox=\"0 0 {w} {h}\"" + (m.Value.EndsWith("/>", StringComparison.Ordinal) ? "/>" : ">"), 1);
    }
}
