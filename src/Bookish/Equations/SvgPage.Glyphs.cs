using System.Text.RegularExpressions;

namespace Bookish.Equations;

internal static partial class SvgPage
{
    [GeneratedRegex(@"<defs>(.*?)</defs>", RegexOptions.Singleline)] private static partial Regex Defs();
    [GeneratedRegex(@"<path\s+id=[""']([^""']+)[""']\s+d=[""']([^""']*)[""']\s*/>|<path\s+d=[""']([^""']*)[""']\s+id=[""']([^""']+)[""']\s*/>")] private static partial Regex PathDef();
    [GeneratedRegex(@"(xlink:)?href=[""']#([^""']+)[""']")] private static partial Regex Href();

    /// <summary>
    /// A converter's SVG (mutool, dvisvgm) as Bookish's own drawing gives it: glyph outlines out of <c>&lt;defs&gt;</c>
    /// as data named by content (converters name the same glyph differently on each page), references renamed.
    /// </summary>
    public static (string Markup, IReadOnlyDictionary<string, string> Glyphs) SplitGlyphs(string svg)
    {
        var glyphs = new Dictionary<string, string>(StringComparer.Ordinal);
        var rename = new Dictionary<string, string>(StringComparer.Ordinal);
        svg = Defs().Replace(svg, m =>
        {
            var rest = PathDef().Replace(m.Groups[1].Value, p =>
            {
                var id = p.Groups[1].Success ? p.Groups[1].Value : p.Groups[4].Value;
                var d = p.Groups[1].Success ? p.Groups[2].Value : p.Groups[3].Value;
                var shared = GlyphOutlines.IdOf(d);
                glyphs.TryAdd(shared, d);
                rename[id] = shared;
                return "";
            });
            return rest.Trim().Length == 0 ? "" : "<defs>" + rest + "</defs>";
        });
        if (rename.Count == 0) return (svg, GlyphOutlines.None);
        return (Href().Replace(svg, h => rename.TryGetValue(h.Groups[2].Value, out var shared) ? $"href=\"#{shared}\"" : h.Value), glyphs);
    }
}
