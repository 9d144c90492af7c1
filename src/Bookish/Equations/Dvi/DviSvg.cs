using System.Globalization;
using System.Text.RegularExpressions;

namespace Bookish.Equations.Dvi;

/// <summary>
/// Draws one DVI page: each glyph from its font's Type 1 outline (named by content, see <see cref="GlyphOutlines"/>),
/// rules as rectangles, PNG images from graphicx's <c>PSfile</c> specials. The picture is the TeX box (width by height
/// + depth, baseline at its height), in big points like pdfTeX's page. Returns null for a page this writer cannot draw
/// faithfully (an unknown font or glyph, another special), so the caller can use another toolchain for it.
/// </summary>
internal static partial class DviSvg
{
    private const double BigPointsPerTexPoint = 72 / 72.27;

    public static DrawnPage? Draw(DviPage page, DviFile file, IReadOnlyDictionary<string, TexFont?> fonts, double heightPt, double depthPt, double widthPt, string workDirectory)
    {
        var u = file.BigPointsPerUnit;
        var outlines = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new Dictionary<(int Font, int Code), string?>();
        var runs = new List<GlyphRun>();

        // Glyphs, grouped by font so each run carries one scale: positions inside are in font units.
        var i = 0;
        var glyphs = page.Glyphs;
        while (i < glyphs.Count)
        {
            var fontNumber = glyphs[i].Font;
            if (!file.Fonts.TryGetValue(fontNumber, out var df) || fonts.GetValueOrDefault(df.Name) is not { Outlines: not null } font) return null;
            var k = df.Scale * u / font.Outlines.UnitsPerEm;
            var slanted = font.Slant != 0 || font.Extend != 1;
            var uses = new List<GlyphUse>();
            var j = i;
            for (; j < glyphs.Count && glyphs[j].Font == fontNumber; j++)
            {
                var g = glyphs[j];
                if (!ids.TryGetValue((g.Font, g.Code), out var id))
                {
                    if (font.PathOf(g.Code) is not { } d) return null;
                    id = d.Length == 0 ? null : font.IdOf(g.Code, d);
                    if (id is not null) outlines.TryAdd(id, d);
                    ids[(g.Font, g.Code)] = id;
                }
                if (id is null) continue; // an empty glyph (a space)
                // The glyph origin (h, v) in big points, expressed in the run's coordinates.
                var x = g.H * u;
                var gy = -(g.V * u) / k;
                var gx = slanted ? (x - k * font.Slant * gy) / (k * font.Extend) : x / k;
                uses.Add(new GlyphUse(id, gx, gy));
            }
            if (uses.Count > 0) runs.Add(new GlyphRun(k * font.Extend, k * font.Slant, -k, uses));
            i = j;
        }

        var rules = page.Rules.Select(r => new DrawnRule(r.H * u, r.V * u - r.Height * u, r.Width * u, r.Height * u)).ToList();
        var images = new List<DrawnImage>();
        foreach (var s in page.Specials)
            if (Image(s, u, workDirectory) is { } image) images.Add(image);
            else return null;

        return new DrawnPage(widthPt * BigPointsPerTexPoint, (heightPt + depthPt) * BigPointsPerTexPoint, runs, rules, images, outlines);
    }

    [GeneratedRegex(@"^\s*PSfile=""?(?<file>[^""\s]+)""?(?<rest>.*)$")] private static partial Regex PsFile();
    [GeneratedRegex(@"(?<key>llx|lly|urx|ury|rwi|rhi)=(?<value>-?[0-9.]+)")] private static partial Regex PsFileKey();

    /// <summary>graphicx's dvips-style image special for a PNG, drawn as an inline image; null for anything else.</summary>
    private static DrawnImage? Image(DviSpecial special, double u, string workDirectory)
    {
        var m = PsFile().Match(special.Text);
        if (!m.Success || !m.Groups["file"].Value.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) return null;
        var keys = PsFileKey().Matches(m.Groups["rest"].Value).ToDictionary(k => k.Groups["key"].Value, k => double.Parse(k.Groups["value"].Value, CultureInfo.InvariantCulture));
        if (!keys.TryGetValue("urx", out var urx) || !keys.TryGetValue("ury", out var ury)) return null;
        var llx = keys.GetValueOrDefault("llx");
        var lly = keys.GetValueOrDefault("lly");
        double w = urx - llx, h = ury - lly;
        if (w <= 0 || h <= 0) return null;
        var (width, height) = (keys.TryGetValue("rwi", out var rwi), keys.TryGetValue("rhi", out var rhi)) switch
        {
            (true, true) => (rwi / 10, rhi / 10),
            (true, false) => (rwi / 10, h * rwi / 10 / w),
            (false, true) => (w * rhi / 10 / h, rhi / 10),
            _ => (w, h),
        };
        var path = Path.GetFullPath(Path.Combine(workDirectory, m.Groups["file"].Value));
        if (!path.StartsWith(Path.GetFullPath(workDirectory), StringComparison.Ordinal) || !File.Exists(path)) return null;
        return new DrawnImage(special.H * u, special.V * u - height, width, height, "data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(path)));
    }
}
