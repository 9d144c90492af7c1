using System.Text.RegularExpressions;

namespace Bookish.Equations;

/// <summary>Cleans one SVG page written by mutool or dvisvgm: no XML prolog, colour follows the text (currentColor).</summary>
internal static partial class SvgPage
{
    [GeneratedRegex(@"<\?xml[^>]*\?>\s*|<!--.*?-->\s*", RegexOptions.Singleline)] private static partial Regex Prolog();
    [GeneratedRegex(@"#000000|#000\b|black", RegexOptions.IgnoreCase)] private static partial Regex Black();
    [GeneratedRegex(@"<svg\b")] private static partial Regex Root();

    public static string Clean(string svg)
    {
        svg = Prolog().Replace(svg, "");
        svg = Black().Replace(svg, "currentColor");
        svg = Root().Replace(svg, "<svg fill=\"currentColor\"", 1);
        return svg.Trim();
    }
}
