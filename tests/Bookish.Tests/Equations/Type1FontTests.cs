using System.Text;
using Bookish.Equations.Dvi;

namespace Bookish.Tests.Equations;

/// <summary>A tiny Type 1 font built in the test: encryption, encoding, charstrings, and a glyph the interpreter refuses.</summary>
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
        // "a": a 100-unit square drawn from (10, 0); "b": callsubr with nothing on the stack.
        var square = CharString(N(10), N(100), 13, N(0), N(0), 21, N(100), N(0), 5, N(0), N(100), 5, N(-100), N(0), 5, 9, 14);
        var broken = CharString(10, 14);
        var priv = new MemoryStream();
        void Text(string s) => priv.Write(Encoding.Latin1.GetBytes(s));
        void Bin(byte[] b) => priv.Write(b);
        Text("dup /Private 8 dict dup begin\n/lenIV 4 def\n/Subrs 0 array\n/CharStrings 3 dict dup begin\n");
        foreach (var (name, cs) in new[] { ("a", square), ("b", broken), (".notdef", CharString(N(0), N(250), 13, 14)) })
        {
            var enc = Encrypt(cs, 4330, 4);
            Text($"/{name} {enc.Length} RD "); Bin(enc); Text(" ND\n");
        }
        Text("end\nend\nmark currentfile closefile\n");
        var eexec = Encrypt(priv.ToArray(), 55665, 4);
        var clear = "%!PS-AdobeFont-1.0: Test\n/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 97/a put\ndup 98 /b put\nreadonly def\ncurrentfile eexec\n";
        var hex = string.Concat(eexec.Select(b => b.ToString("x2")));
        return Encoding.Latin1.GetBytes(clear + hex + "\n" + new string('0', 64) + "\ncleartomark\n");
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
    public void A_charstring_the_interpreter_cannot_follow_gives_no_outline_instead_of_failing()
    {
        Assert.Null(Type1Font.Parse(Pfa()).PathOf("b"));
    }
}
