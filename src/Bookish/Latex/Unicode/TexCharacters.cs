using System.Globalization;
using System.Text.RegularExpressions;

namespace Bookish.Latex.Unicode;

/// <summary>
/// Which characters pdfLaTeX sets itself with the template's fonts (T1 and TS1 Latin Modern, plus OT1/OMS): the
/// <c>\DeclareUnicodeCharacter</c> lines of LaTeX's own <c>*.dfu</c> files for those encodings and of <c>utf8.def</c>,
/// read once from the TeX installation. Anything else in prose goes through <see cref="LatexEscaper"/>'s math
/// mappings or is drawn by <see cref="FallbackGlyphs"/>.
/// </summary>
internal static partial class TexCharacters
{
    private static readonly string[] Roots = ["/usr/share/texlive/texmf-dist", "/usr/local/texlive/texmf-dist", "/usr/share/texmf"];
    private static readonly string[] Files = ["t1enc.dfu", "ts1enc.dfu", "ot1enc.dfu", "omsenc.dfu", "utf8.def"];

    [GeneratedRegex(@"\\DeclareUnicodeCharacter\{([0-9A-Fa-f]{4,6})\}")] private static partial Regex Declaration();

    private static readonly Lazy<HashSet<int>> Known = new(Load);

    /// <summary>True when pdfLaTeX with the template's encodings typesets <paramref name="codePoint"/> from its own fonts.</summary>
    public static bool Typesets(int codePoint) => codePoint < 0x80 || Known.Value.Contains(codePoint);

    private static HashSet<int> Load()
    {
        var set = new HashSet<int>();
        foreach (var name in Files)
        {
            var path = Roots.Select(r => Path.Combine(r, "tex", "latex", "base", name)).FirstOrDefault(File.Exists);
            if (path is null) continue;
            foreach (Match m in Declaration().Matches(File.ReadAllText(path)))
                set.Add(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        if (set.Count == 0)
            // No TeX installation to ask (unit tests on a bare machine): Latin-1 and Latin Extended-A, which T1 covers.
            for (var c = 0xA0; c < 0x180; c++) set.Add(c);
        return set;
    }
}
