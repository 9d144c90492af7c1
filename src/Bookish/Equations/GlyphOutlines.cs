using System.Security.Cryptography;
using System.Text;

namespace Bookish.Equations;

/// <summary>
/// Glyph outlines are named by what they draw: the id of SVG path data is a hash of it, so the same glyph from two
/// equations (or two converters) has one id and a page defines it once.
/// </summary>
internal static class GlyphOutlines
{
    public static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static string IdOf(string pathData) => "g" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(pathData)))[..10];

    private static readonly System.Buffers.SearchValues<char> PathChars = System.Buffers.SearchValues.Create("0123456789 ,.-+eEMmLlHhVvCcSsQqTtZz");

    /// <summary>Outlines already found valid in this process, by id: a page's equations share a few hundred outlines.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Checked = new(StringComparer.Ordinal);

    /// <summary>True when every id names its outline and every outline is plain path data (numbers and path commands).</summary>
    public static bool AreValid(IReadOnlyDictionary<string, string> glyphs)
    {
        foreach (var (id, d) in glyphs)
        {
            if (Checked.TryGetValue(id, out var known) && string.Equals(known, d, StringComparison.Ordinal)) continue;
            if (d.AsSpan().ContainsAnyExcept(PathChars) || IdOf(d) != id) return false;
            if (Checked.Count < 100_000) Checked[id] = d;
        }
        return true;
    }

    /// <summary>An SVG with the outlines its <c>&lt;use&gt;</c> elements refer to defined inside it: a picture that stands alone (SVG 1.1 links).</summary>
    public static string Standalone(string markup, IReadOnlyDictionary<string, string> glyphs)
    {
        if (glyphs.Count == 0) return markup;
        var end = markup.IndexOf('>');
        if (end < 0 || markup[end - 1] == '/') return markup;
        var sb = new StringBuilder(markup.Length + glyphs.Sum(g => g.Value.Length + 30));
        sb.Append(markup, 0, end + 1).Append("<defs>");
        foreach (var (id, d) in glyphs) sb.Append("<path id=\"").Append(id).Append("\" d=\"").Append(d).Append("\"/>");
        // Glyph uses say SVG 2's plain href; SVG 1.1 renderers (rasterisers) want xlink:href.
        return sb.Append("</defs>").Append(markup, end + 1, markup.Length - end - 1).Replace("<use href=\"#", "<use xlink:href=\"#").ToString();
    }
}
