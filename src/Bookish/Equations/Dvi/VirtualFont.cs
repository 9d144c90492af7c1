namespace Bookish.Equations.Dvi;

/// <summary>A font a virtual font is made of: its TFM name and its size as a fix_word of the virtual font's size.</summary>
internal sealed record VirtualFontLocal(int Number, string Name, int ScaleFix, long DesignSize);

/// <summary>
/// A virtual font (vftovp.web): each character is a short DVI program over other fonts. Times-like maths (txfonts)
/// is built this way, and so are many text fonts.
/// </summary>
internal sealed class VirtualFont
{
    public IReadOnlyList<VirtualFontLocal> Fonts { get; }
    private readonly Dictionary<int, byte[]> _packets;

    private VirtualFont(List<VirtualFontLocal> fonts, Dictionary<int, byte[]> packets)
    {
        Fonts = fonts;
        _packets = packets;
    }

    public byte[]? Packet(int code) => _packets.GetValueOrDefault(code);

    public static VirtualFont Parse(byte[] data)
    {
        if (data.Length < 3 || data[0] != 247 || data[1] != 202) throw new InvalidDataException("not a virtual font");
        var p = 3 + data[2] + 8; // comment, checksum, design size
        long Read(int n, bool signed = false)
        {
            long v = signed ? (sbyte)data[p] : data[p];
            for (var i = 1; i < n; i++) v = (v << 8) | data[p + i];
            p += n;
            return v;
        }
        var fonts = new List<VirtualFontLocal>();
        var packets = new Dictionary<int, byte[]>();
        while (p < data.Length)
        {
            var op = data[p++];
            if (op is >= 243 and <= 246)
            {
                var k = (int)Read(op - 242, op == 246);
                Read(4); // checksum
                var scale = (int)Read(4, true);
                var design = Read(4, true);
                var a = (int)Read(1);
                var l = (int)Read(1);
                var name = System.Text.Encoding.Latin1.GetString(data, p + a, l);
                p += a + l;
                fonts.Add(new VirtualFontLocal(k, name, scale, design));
            }
            else if (op < 242)
            {
                var code = (int)Read(1);
                Read(3); // TFM width: the virtual font's own TFM is what TeX used
                packets[code] = data[p..(p + op)];
                p += op;
            }
            else if (op == 242)
            {
                var length = (int)Read(4);
                var code = (int)Read(4);
                Read(4);
                packets[code] = data[p..(p + length)];
                p += length;
            }
            else if (op == 248) break;
            else throw new InvalidDataException($"unexpected byte {op} in a virtual font");
        }
        return new VirtualFont(fonts, packets);
    }
}
