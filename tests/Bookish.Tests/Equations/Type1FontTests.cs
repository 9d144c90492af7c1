using System.Text;
using Bookish.Equations.Dvi;

namespace Bookish.Tests.Equations;

/// <summary>A tiny Type 1 font built in the test (laid out as fonts are distributed), read through PdfPig: encryption, encoding, charstrings, a broken glyph.</summary>
public sealed class Type1FontTests
{
    private static byte[] Encrypt(byte[] plain, ushort key, int lead)
    {
        var r = key;
        var data = new byte[lead].Concat(plain).ToArray();
        var result = new byte[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            var c = (byte)(data[i] ^ (r >> 8));
            r = (ushort)((c + r) * 52845 + 22719);
            result[i] = c;
        }
        return result;
    }

    /// <summary>Type 1 charstring numbers (-107..107 in one byte) followed by the operator.</summary>
    private static byte[] CharString(params int[] items) => items.Select(i => (byte)i).ToArray();

    private static int N(int v) => v + 139;

    private static byte[] Pfa()
    {
        // "a": a 100-unit square drawn from (10, 0); "b": calls subroutine 5 of a font that has one.
        var square = CharString(N(10), N(100), 13, N(0), N(0), 21, N(100), N(0), 5, N(0), N(100), 5, N(-100), N(0), 5, 9, 14);
        var broken = CharString(N(5), 10, 14);
        var priv = new MemoryStream();
        void Text(string s) => priv.Write(Encoding.Latin1.GetBytes(s));
        void Bin(byte[] b) => priv.Write(b);
        Text("dup /Private 8 dict dup begin\n/lenIV 4 def\n/Subrs 1 array\n");
        var ret = Encrypt(CharString(11), 4330, 4);
        Text($"dup 0 {ret.Length} RD "); Bin(ret); Text(" NP\nND\n2 index /CharStrings 3 dict dup begin\n");
        foreach (var (name, cs) in new[] { ("a", square), ("b", broken), (".notdef", CharString(N(0), N(250), 13, 14)) })
        {
            var enc = Encrypt(cs, 4330, 4);
            Text($"/{name} {enc.Length} RD "); Bin(enc); Text(" ND\n");
        }
        Text("end\nend\nmark currentfile closefile\n");
        var eexec = Encrypt(priv.ToArray(), 55665, 4);
        var clear = "%!PS-AdobeFont-1.0: Test 001.000\n6 dict begin\n/FontType 1 def\n/FontMatrix [0.001 0 0 0.001 0 0 ]readonly def\n/FontName /Test def\n/PaintType 0 def\n"
            + "/Encoding 256 array\n 0 1 255 { 1 index exch /.notdef put} for\ndup 97 /a put\ndup 98 /b put\nreadonly def\ncurrentdict end\ncurrentfile eexec\n";
        // As fonts are distributed: 64 hex digits a line, then 512 zeros and cleartomark.
        var hex = string.Join("\n", string.Concat(eexec.Select(b => b.ToString("x2"))).Chunk(64).Select(c => new string(c)));
        return Encoding.Latin1.GetBytes(clear + hex + "\n" + string.Concat(Enumerable.Repeat(new string('0', 64) + "\n", 8)) + "cleartomark\n");
    }

    [Fact]
    public void Outlines_and_encoding_come_out_of_the_encrypted_font()
    {
        var font = Type1Font.Parse(Pfa());
        Assert.Equal(1000, font.UnitsPerEm);
        Assert.Equal("a", font.Encoding[97]);
        Assert.Equal("b", font.Encoding[98]);
        // hsbw puts the pen at the side bearing (10, 0); the outline is relative SVG path data, y up.
        Assert.Equal("m10 0l100 0 0 100-100 0z", font.PathOf("a"));
        Assert.Equal("", font.PathOf(".notdef"));
        Assert.Null(font.PathOf("missing"));
    }

    [Fact]
    public void A_charstring_calling_a_missing_subroutine_draws_nothing_instead_of_failing()
    {
        // PdfPig stops at the bad call: the glyph is empty and the rest of the font stays usable.
        var font = Type1Font.Parse(Pfa());
        Assert.Equal("", font.PathOf("b"));
        Assert.Equal("m10 0l100 0 0 100-100 0z", font.PathOf("a"));
    }

    [Fact]
    public void Bytes_that_are_not_a_Type_1_font_are_refused_as_invalid_data_so_the_page_falls_back()
    {
        Assert.Throws<InvalidDataException>(() => Type1Font.Parse(Encoding.Latin1.GetBytes("%!PS-AdobeFont-1.0: Test\nnot really\n")));
    }
}
