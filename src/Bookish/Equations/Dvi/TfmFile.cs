namespace Bookish.Equations.Dvi;

/// <summary>The character widths of a TeX font metric file (tftopl.web's layout), as fix_words relative to the design size.</summary>
internal sealed class TfmFile
{
    private readonly int _first;
    private readonly int[] _widths; // fix_word per character, int.MinValue when the character does not exist

    public uint Checksum { get; }

    private TfmFile(int first, int[] widths, uint checksum)
    {
        _first = first;
        _widths = widths;
        Checksum = checksum;
    }

    public static TfmFile Parse(byte[] data)
    {
        int Half(int i) => (data[2 * i] << 8) | data[2 * i + 1];
        int Word(int i) => (data[4 * i] << 24) | (data[4 * i + 1] << 16) | (data[4 * i + 2] << 8) | data[4 * i + 3];
        var lh = Half(1);
        var bc = Half(2);
        var ec = Half(3);
        var nw = Half(4);
        if (data.Length < 24 || ec < bc - 1 || ec > 255) throw new InvalidDataException("not a TFM file");
        var checksum = (uint)Word(6);
        var charInfo = 6 + lh;
        var widthBase = charInfo + (ec - bc + 1);
        if (4 * (widthBase + nw) > data.Length) throw new InvalidDataException("truncated TFM file");
        var widths = new int[Math.Max(0, ec - bc + 1)];
        for (var c = bc; c <= ec; c++)
        {
            var index = data[4 * (charInfo + c - bc)];
            widths[c - bc] = index == 0 ? int.MinValue : Word(widthBase + index);
        }
        return new TfmFile(bc, widths, checksum);
    }

    /// <summary>The advance of <paramref name="code"/> at <paramref name="scale"/> (DVI units), as TeX computes it; null if absent.</summary>
    public long? Width(int code, long scale)
    {
        var i = code - _first;
        if (i < 0 || i >= _widths.Length || _widths[i] == int.MinValue) return null;
        return Scaled(_widths[i], scale);
    }

    /// <summary>TeX's exact product of a fix_word and a scaled size (tex.web §571–575).</summary>
    internal static long Scaled(int fix, long z)
    {
        long alpha = 16;
        while (z >= 0x800000) { z /= 2; alpha += alpha; }
        var beta = 256 / alpha;
        alpha *= z;
        var b0 = (fix >> 24) & 0xff;
        var b1 = (fix >> 16) & 0xff;
        var b2 = (fix >> 8) & 0xff;
        var b3 = fix & 0xff;
        var sw = (((b3 * z) / 256 + b2 * z) / 256 + b1 * z) / beta;
        if (b0 == 0) return sw;
        if (b0 == 255) return sw - alpha;
        throw new InvalidDataException("TFM width out of range");
    }
}
