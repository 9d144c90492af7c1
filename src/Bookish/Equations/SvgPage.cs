using System.Text.RegularExpressions;

namespace Bookish.Equations;

/// <summary>Cleans one SVG page written by mutool or dvisvgm: no XML prolog, colour follows the text (currentColor).</summary>
internal static partial class SvgPage
{
    [GeneratedRegex(@"<\?xml[^>]*\?>\s*|<!--.*?-->\s*", RegexOptions.Singleline)] private static partial Regex Prolog();
    [GeneratedRegex(@"#000000|#000\b|black", RegexOptions.IgnoreCase)] private static partial Regex Black();
    [GeneratedRegex(@"<svg\b")] private static partial Regex Root();

    [GeneratedRegex(@"\sdata-text=""[^""]*""")] private static partial Regex DataText();

    /// <summary>Three decimals of a point are far below a pixel at any zoom: longer fractions are cut (one pass, no regex).</summary>
    internal static string RoundNumbers(string svg)
    {
        var sb = new System.Text.StringBuilder(svg.Length);
        var i = 0;
        while (i < svg.Length)
        {
            var c = svg[i];
            if (c == '.' && i + 1 < svg.Length && char.IsAsciiDigit(svg[i + 1]) && (i == 0 || !char.IsAsciiLetter(svg[i - 1])))
            {
                var start = i + 1;
                var end = start;
                while (end < svg.Length && char.IsAsciiDigit(svg[end])) end++;
                var digits = end - start;
                if (digits > 3)
                {
                    // Round half up on the fourth digit, carrying into the integer part when needed.
                    var kept = svg.AsSpan(start, 3).ToString().ToCharArray();
                    if (svg[start + 3] >= '5')
                    {
                        var k = 2;
                        while (k >= 0 && kept[k] == '9') { kept[k] = '0'; k--; }
                        if (k >= 0) kept[k]++;
                        else return svg; // a carry into the integer part: rare, keep the text exact
                    }
                    var text = new string(kept).TrimEnd('0');
                    if (text.Length > 0) sb.Append('.').Append(text);
                    else if (sb.Length == 0 || !char.IsAsciiDigit(sb[^1])) sb.Append('0');
                    i = end;
                    continue;
                }
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    public static string Clean(string svg)
    {
        svg = Prolog().Replace(svg, "");
        // The accessible text is the TeX source on the holding element; per-glyph text only adds bytes.
        svg = DataText().Replace(svg, "");
        svg = RoundNumbers(svg);
        svg = svg.Contains("black", StringComparison.OrdinalIgnoreCase) || svg.Contains("#000", StringComparison.Ordinal) ? Black().Replace(svg, "currentColor") : svg;
        svg = Root().Replace(svg, "<svg fill=\"currentColor\"", 1);
        return svg.Trim();
    }
}
