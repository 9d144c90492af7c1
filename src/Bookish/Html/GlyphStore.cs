using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Html;

/// <summary>
/// Shares glyph outlines across all equations of a page: each SVG's <c>&lt;defs&gt;</c> paths are replaced by references
/// to one definitions block, keyed by the outline itself (converters name the same glyph differently per page).
/// </summary>
internal sealed partial class GlyphStore
{
    private readonly Dictionary<string, string> _idByOutline = new(StringComparer.Ordinal);
    private readonly List<(string Id, string D)> _defs = [];

    [GeneratedRegex(@"<defs>(.*?)</defs>", RegexOptions.Singleline)] private static partial Regex Defs();
    [GeneratedRegex(@"<path\s+id=[""']([^""']+)[""']\s+d=[""']([^""']*)[""']\s*/>|<path\s+d=[""']([^""']*)[""']\s+id=[""']([^""']+)[""']\s*/>")] private static partial Regex PathDef();
    [GeneratedRegex(@"(xlink:)?href=[""']#([^""']+)[""']")] private static partial Regex Href();

    public IReadOnlyList<(string Id, string D)> Definitions => _defs;

    /// <summary>Returns the SVG with its glyph definitions moved to the shared store and references rewritten.</summary>
    public string Share(string svg)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        svg = Defs().Replace(svg, m =>
        {
            var rest = PathDef().Replace(m.Groups[1].Value, p =>
            {
                var id = p.Groups[1].Success ? p.Groups[1].Value : p.Groups[4].Value;
                var d = p.Groups[1].Success ? p.Groups[2].Value : p.Groups[3].Value;
                map[id] = Intern(d);
                return "";
            });
            return rest.Trim().Length == 0 ? "" : "<defs>" + rest + "</defs>";
        });
        return Href().Replace(svg, h => map.TryGetValue(h.Groups[2].Value, out var shared) ? $"href=\"#{shared}\"" : h.Value);
    }

    private string Intern(string d)
    {
        if (_idByOutline.TryGetValue(d, out var id)) return id;
        id = "g" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(d)))[..10];
        _idByOutline[d] = id;
        _defs.Add((id, d));
        return id;
    }
}
