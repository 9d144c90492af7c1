using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Equations.Dvi;

/// <summary>
/// Draws one DVI page as SVG: each distinct glyph outline once in <c>&lt;defs&gt;</c>, placed with <c>&lt;use&gt;</c>,
/// rules as rectangles, PNG images from graphicx's <c>PSfile</c> specials inline. The picture is the TeX box
/// (width by height + depth, baseline at its height), in big points like pdfTeX's page; colour is
/// <c>currentColor</c>. Returns null for a page this writer cannot draw faithfully (an unknown font or glyph, another
/// special), so the caller can use another toolchain for it.
/// </summary>
internal static partial class DviSvg
{
    private const double BigPointsPerTexPoint = 72 / 72.27;

    public static string? Write(DviPage page, DviFile file, IReadOnlyDictionary<string, TexFont?> fonts, double heightPt, double depthPt, double widthPt, string workDirectory)
    {
        var u = file.BigPointsPerUnit;
        var width = widthPt * BigPointsPerTexPoint;
        var height = (heightPt + depthPt) * BigPointsPerTexPoint;
        var sb = new StringBuilder(256 + page.Glyphs.Count * 48);
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"").Append(N(width)).Append("pt\" height=\"")
          .Append(N(height)).Append("pt\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height)).Append("\" fill=\"currentColor\">");

        // Glyph outlines, once each.
        var defined = new HashSet<(int Font, int Code)>();
        var defs = new StringBuilder();
        foreach (var g in page.Glyphs)
        {
            if (!defined.Add((g.Font, g.Code))) continue;
            if (!file.Fonts.TryGetValue(g.Font, out var df) || fonts.GetValueOrDefault(df.Name) is not { } font) return null;
            if (font.PathOf(g.Code) is not { } d) return null;
            if (d.Length == 0) continue;
            defs.Append("<path id=\"f").Append(g.Font).Append('-').Append(g.Code).Append("\" d=\"").Append(d).Append("\"/>");
        }
        if (defs.Length > 0) sb.Append("<defs>").Append(defs).Append("</defs>");

        // Glyphs, grouped by font so each group carries one scale: positions inside are in font units.
        var i = 0;
        var glyphs = page.Glyphs;
        while (i < glyphs.Count)
        {
            var fontNumber = glyphs[i].Font;
            var df = file.Fonts[fontNumber];
            var font = fonts[df.Name]!;
            var k = df.Scale * u / font.Outlines!.UnitsPerEm;
            var j = i;
            while (j < glyphs.Count && glyphs[j].Font == fontNumber) j++;
            var slanted = font.Slant != 0 || font.Extend != 1;
            sb.Append("<g transform=\"matrix(").Append(S(k * font.Extend)).Append(",0,").Append(S(k * font.Slant)).Append(',').Append(S(-k)).Append(",0,0)\">");
            for (var n = i; n < j; n++)
            {
                var g = glyphs[n];
                if (font.PathOf(g.Code) is "") continue;
                // The glyph origin (h, v) in big points, expressed in the group's coordinates.
                var x = g.H * u;
                var y = g.V * u;
                var gy = -y / k;
                var gx = slanted ? (x - k * font.Slant * gy) / (k * font.Extend) : x / k;
                sb.Append("<use xlink:href=\"#f").Append(fontNumber).Append('-').Append(g.Code).Append("\" x=\"").Append(F(gx)).Append("\" y=\"").Append(F(gy)).Append("\"/>");
            }
            sb.Append("</g>");
            i = j;
        }

        foreach (var r in page.Rules)
        {
            var h = r.Height * u;
            sb.Append("<rect x=\"").Append(N(r.H * u)).Append("\" y=\"").Append(N(r.V * u - h)).Append("\" width=\"").Append(N(r.Width * u)).Append("\" height=\"").Append(N(h)).Append("\"/>");
        }

        foreach (var s in page.Specials)
            if (Image(s, u, workDirectory) is { } image) sb.Append(image);
            else return null;

        sb.Append("</svg>");
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*PSfile=""?(?<file>[^""\s]+)""?(?<rest>.*)$")] private static partial Regex PsFile();
    [GeneratedRegex(@"(?<key>llx|lly|urx|ury|rwi|rhi)=(?<value>-?[0-9.]+)")] private static partial Regex PsFileKey();

    /// <summary>graphicx's dvips-style image special for a PNG, drawn as an inline image; null for anything else.</summary>
    private static string? Image(DviSpecial special, double u, string workDirectory)
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
        var data = Convert.ToBase64String(File.ReadAllBytes(path));
        return $"<image x=\"{N(special.H * u)}\" y=\"{N(special.V * u - height)}\" width=\"{N(width)}\" height=\"{N(height)}\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,{data}\"/>";
    }

    /// <summary>A length in big points: three decimals are far below a pixel at any zoom.</summary>
    private static string N(double v) => Trim(v.ToString("0.###", CultureInfo.InvariantCulture));
    /// <summary>A position in font units (1/1000 em): one decimal.</summary>
    private static string F(double v) => Trim(v.ToString("0.#", CultureInfo.InvariantCulture));
    /// <summary>A scale: enough significant digits that a 30 em line stays within 0.001 bp.</summary>
    private static string S(double v) => Trim(v.ToString("0.#########", CultureInfo.InvariantCulture));

    private static string Trim(string s)
    {
        if (s == "-0") return "0";
        if (s.StartsWith("0.", StringComparison.Ordinal)) return s[1..];
        if (s.StartsWith("-0.", StringComparison.Ordinal)) return "-" + s[2..];
        return s;
    }
}
