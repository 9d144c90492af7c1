using System.Text.RegularExpressions;

namespace Bookish.Equations;

/// <summary>Cleans one SVG page written by mutool or dvisvgm: no XML prolog, colour follows the text (currentColor).</summary>
internal static partial class SvgPage
{
    [GeneratedRegex(@"<\?xml[^>]*\?>\s*|<!--.*?-->\s*", RegexOptions.Singleline)] private static partial Regex Prolog();
    [GeneratedRegex(@"#000000|#000\b|black", RegexOptions.IgnoreCase)] private static partial Regex Black();
    [GeneratedRegex(@"<svg\b")] private static partial Regex Root();

    [GeneratedRegex(@"\sdata-text=""[^""]*""")] private static partial Regex DataText();
    [GeneratedRegex(@"(?<=[(,\s""])-?\d+\.\d{4,}")] private static partial Regex LongNumber();

    public static string Clean(string svg)
    {
        svg = Prolog().Replace(svg, "");
        // The accessible text is the TeX source on the holding element; per-glyph text only adds bytes.
        svg = DataText().Replace(svg, "");
        // Three decimals of a point are far below a pixel at any zoom.
        svg = LongNumber().Replace(svg, m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
        svg = Black().Replace(svg, "currentColor");
        svg = Root().Replace(svg, "<svg fill=\"currentColor\"", 1);
        return svg.Trim();
    }
}
