namespace Bookish.Equations.Dvi;

/// <summary>A font a DVI file defines: TFM name, scaled size and design size, both in DVI units.</summary>
internal sealed record DviFont(int Number, string Name, long Scale, long DesignSize, uint Checksum);

/// <summary>One character set on a page: font number, character code, reference point in DVI units (y grows down).</summary>
internal readonly record struct DviGlyph(int Font, int Code, long H, long V);

/// <summary>A rule: bottom-left corner at (H, V), in DVI units.</summary>
internal readonly record struct DviRule(long H, long V, long Width, long Height);

/// <summary>A <c>\special</c> and where it was issued.</summary>
internal readonly record struct DviSpecial(string Text, long H, long V);

internal sealed record DviPage(IReadOnlyList<DviGlyph> Glyphs, IReadOnlyList<DviRule> Rules, IReadOnlyList<DviSpecial> Specials);

/// <summary>
/// Reads a DVI file (the format TeX writes, as described in dvitype.web): its pages as positioned glyphs, rules and
/// specials. Character advances come from the fonts' TFM widths, which the caller supplies once fonts are known.
/// </summary>
internal sealed partial class DviFile
{
    public IReadOnlyDictionary<int, DviFont> Fonts { get; }
    public IReadOnlyList<DviPage> Pages { get; }
    /// <summary>Big points (1/72 in) per DVI unit.</summary>
    public double BigPointsPerUnit { get; }

    private DviFile(Dictionary<int, DviFont> fonts, List<DviPage> pages, double bp)
    {
        Fonts = fonts;
        Pages = pages;
        BigPointsPerUnit = bp;
    }

    /// <summary>The fonts a DVI file uses, read from its font definitions only (no page is kept).</summary>
    public static Dictionary<int, DviFont> ReadFonts(ReadOnlySpan<byte> data, out double bigPointsPerUnit)
    {
        var machine = new Machine(null, null);
        machine.Run(data, null, 0, 0, 0);
        bigPointsPerUnit = machine.BigPointsPerUnit;
        return machine.Fonts;
    }

    /// <summary>
    /// Reads every page; <paramref name="advance"/> gives a character's TFM width in DVI units (null: font unknown, the
    /// character then does not move the position). Characters of virtual fonts (<paramref name="virtualOf"/>) are
    /// replaced by what their packets set, in fonts numbered from <see cref="FirstLocalFont"/> on.
    /// </summary>
    public static DviFile Read(ReadOnlySpan<byte> data, Func<DviFont, int, long?> advance, Func<DviFont, VirtualFont?>? virtualOf = null)
    {
        var machine = new Machine(advance, virtualOf);
        machine.Run(data, null, 0, 0, 0);
        return new DviFile(machine.Fonts, machine.Pages, machine.BigPointsPerUnit);
    }

    /// <summary>Font numbers from here on are fonts of virtual fonts, not of the DVI file.</summary>
    public const int FirstLocalFont = 1 << 20;

    /// <summary>A fix_word (a multiple of 2^-20) of a size in DVI units, with TeX's rounding when it fits a TFM word.</summary>
    private static long Fix(long value, long size) =>
        value is >= -(1 << 24) and < (1 << 24) ? TfmFile.Scaled((int)value, size) : (long)Math.Round(value * (double)size / (1 << 20));
}
