using SkiaSharp;

namespace Bookish.Plots;

/// <summary>
/// The fonts installed on the machine, for SkiaSharp's portable build (which has no fontconfig and so finds no font
/// by itself): every TrueType/OpenType file under the system font folders, each face of a collection, loaded once on
/// first use (~0.2 s for 90 faces here). Looks faces up by family (with the CSS generic names) and by character.
/// </summary>
internal static class SystemFonts
{
    private static readonly string[] Folders = ["/usr/share/fonts", "/usr/local/share/fonts"];

    /// <summary>Preferred faces, most wanted first: a text face close to the page's, then CJK, then emoji.</summary>
    private static readonly string[] Preferred =
        ["DejaVu Serif", "DejaVu Sans", "Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif CJK JP", "Noto Sans CJK JP", "Noto Color Emoji"];

    private static readonly Lazy<IReadOnlyList<SKTypeface>> Faces = new(Load);

    public static IReadOnlyList<SKTypeface> All => Faces.Value;

    private static IReadOnlyList<SKTypeface> Load()
    {
        var faces = new List<SKTypeface>();
        foreach (var folder in Folders.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!(file.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".otf", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase))) continue;
                for (var i = 0; i < 32; i++)
                {
                    var face = SKTypeface.FromFile(file, i);
                    if (face is null) break;
                    faces.Add(face);
                    if (!file.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase)) break;
                }
            }
        // Upright regular faces first, preferred families in their order, then the rest as found.
        return faces.OrderBy(f => f.FontStyle.Weight == 400 && f.FontStyle.Slant == SKFontStyleSlant.Upright && f.FontStyle.Width == 5 ? 0 : 1)
            .ThenBy(f => Array.IndexOf(Preferred, f.FamilyName) is var i && i >= 0 ? i : Preferred.Length)
            .ToList();
    }

    /// <summary>A face of <paramref name="family"/> (CSS generic names map to DejaVu), nearest in weight and slant; else DejaVu Sans or any face.</summary>
    public static SKTypeface? Family(string? family, int weight = 400, SKFontStyleSlant slant = SKFontStyleSlant.Upright)
    {
        var wanted = (family ?? "").Trim().Trim('\'', '"').ToLowerInvariant() switch
        {
            "" or "sans-serif" or "sans" or "system-ui" or "arial" or "helvetica" => "DejaVu Sans",
            "serif" or "times" or "times new roman" => "DejaVu Serif",
            "monospace" or "courier" or "courier new" => "DejaVu Sans Mono",
            var f => f,
        };
        var candidates = All.Where(f => string.Equals(f.FamilyName, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0) candidates = All.Where(f => f.FamilyName == "DejaVu Sans").ToList();
        if (candidates.Count == 0) return All.FirstOrDefault();
        return candidates.OrderBy(f => Math.Abs(f.FontStyle.Weight - weight) + (f.FontStyle.Slant == slant ? 0 : 1000) + Math.Abs(f.FontStyle.Width - 5) * 10).First();
    }

    /// <summary>The first face (in preference order) that has a glyph for <paramref name="codePoint"/>.</summary>
    public static SKTypeface? ForCharacter(int codePoint)
    {
        var text = char.ConvertFromUtf32(codePoint);
        foreach (var face in All)
        {
            using var font = new SKFont(face, 10);
            if (font.ContainsGlyphs(text)) return face;
        }
        return null;
    }
}
