using System.Globalization;
using System.Text;

namespace Bookish.Equations.Dvi;

/// <summary>One glyph placed on a drawn page: its outline's id and its origin in the run's coordinates (font units).</summary>
internal readonly record struct GlyphUse(string Outline, double X, double Y);

/// <summary>Glyphs of one font at one size: the matrix (a, 0, c, d, 0, 0) maps font units to big points, y down.</summary>
internal sealed record GlyphRun(double A, double C, double D, IReadOnlyList<GlyphUse> Glyphs);

/// <summary>A filled rectangle in big points, (X, Y) its top-left corner.</summary>
internal readonly record struct DrawnRule(double X, double Y, double Width, double Height);

/// <summary>A PNG image in big points, (X, Y) its top-left corner.</summary>
internal sealed record DrawnImage(double X, double Y, double Width, double Height, string DataUri);

/// <summary>
/// A DVI page as drawn: the TeX box (width by height in big points, the baseline at the box's height), glyph runs,
/// rules and images, and the outlines the glyphs use by id. Data, not markup: the page's glyph store takes
/// <see cref="Outlines"/> as they are; <see cref="ToSvg"/> writes the markup that refers to them.
/// </summary>
internal sealed record DrawnPage(double Width, double Height, IReadOnlyList<GlyphRun> Runs, IReadOnlyList<DrawnRule> Rules,
    IReadOnlyList<DrawnImage> Images, IReadOnlyDictionary<string, string> Outlines)
{
    /// <summary>
    /// SVG markup of the page; glyph outlines are referred to by id (SVG 2's plain <c>href</c>, shorter in a page of
    /// thousands of glyphs) and not defined in it (see <see cref="Outlines"/>).
    /// </summary>
    public string ToSvg()
    {
        var sb = new StringBuilder(256 + Runs.Sum(r => r.Glyphs.Count) * 40);
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"").Append(N(Width)).Append("pt\" height=\"")
          .Append(N(Height)).Append("pt\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(Height)).Append("\" fill=\"currentColor\">");
        foreach (var run in Runs)
        {
            sb.Append("<g transform=\"matrix(").Append(S(run.A)).Append(",0,").Append(S(run.C)).Append(',').Append(S(run.D)).Append(",0,0)\">");
            foreach (var g in run.Glyphs)
                sb.Append("<use href=\"#").Append(g.Outline).Append("\" x=\"").Append(F(g.X)).Append("\" y=\"").Append(F(g.Y)).Append("\"/>");
            sb.Append("</g>");
        }
        foreach (var r in Rules)
            sb.Append("<rect x=\"").Append(N(r.X)).Append("\" y=\"").Append(N(r.Y)).Append("\" width=\"").Append(N(r.Width)).Append("\" height=\"").Append(N(r.Height)).Append("\"/>");
        foreach (var i in Images)
            sb.Append("<image x=\"").Append(N(i.X)).Append("\" y=\"").Append(N(i.Y)).Append("\" width=\"").Append(N(i.Width)).Append("\" height=\"").Append(N(i.Height))
              .Append("\" preserveAspectRatio=\"none\" xlink:href=\"").Append(i.DataUri).Append("\"/>");
        return sb.Append("</svg>").ToString();
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
