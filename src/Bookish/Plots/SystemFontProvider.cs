using SkiaSharp;
using Svg.Skia.TypefaceProviders;

namespace Bookish.Plots;

/// <summary>Svg.Skia's font look-up answered from <see cref="SystemFonts"/>, so SVG text is drawn (not dropped) by the portable SkiaSharp.</summary>
internal sealed class SystemFontProvider : ITypefaceProvider
{
    public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle)
    {
        // A CSS font-family list: the first family installed wins.
        foreach (var family in (fontFamily ?? "").Split(','))
        {
            var name = family.Trim().Trim('\'', '"');
            var exact = SystemFonts.All.Any(f => string.Equals(f.FamilyName, name, StringComparison.OrdinalIgnoreCase));
            if (exact || name is "serif" or "sans-serif" or "monospace") return SystemFonts.Family(name, (int)fontWeight, fontStyle);
        }
        return SystemFonts.Family(null, (int)fontWeight, fontStyle);
    }
}
