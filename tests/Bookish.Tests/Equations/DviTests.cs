using Bookish.Equations.Dvi;

namespace Bookish.Tests.Equations;

/// <summary>The pieces of Bookish's own DVI drawing that need no TeX: DVI reading, TFM arithmetic, encodings, PNG boxes.</summary>
public sealed class DviTests
{
    /// <summary>A DVI file by hand: preamble, one page with a font, two characters, a move, a pushed rule and a special.</summary>
    private static byte[] SmallDvi()
    {
        var b = new List<byte>();
        void U(long v, int n) { for (var i = n - 1; i >= 0; i--) b.Add((byte)(v >> (8 * i))); }
        b.Add(247); b.Add(2); U(25400000, 4); U(473628672, 4); U(1000, 4); b.Add(0);  // pre, TeX's units (1 unit = 1 sp)
        b.Add(139); for (var i = 0; i < 10; i++) U(i == 0 ? 1 : 0, 4); U(-1, 4);     // bop
        b.Add(243); b.Add(7); U(0x12345678, 4); U(655360, 4); U(655360, 4); b.Add(0); b.Add(5); b.AddRange("cmr10"u8.ToArray()); // fnt_def1 7
        b.Add(157 + 2); U(500000, 3);                                                   // down3
        b.Add(235); b.Add(7);                                                           // fnt1 7
        b.Add((byte)'A');                                                               // set_char_65
        b.Add(143); b.Add(10);                                                          // right1 10
        b.Add((byte)'B');
        b.Add(141);                                                                     // push
        b.Add(137); U(26214, 4); U(300000, 4);                                          // put_rule
        b.Add(239); b.Add(3); b.AddRange("abc"u8.ToArray());                             // xxx1
        b.Add(142);                                                                     // pop
        b.Add(140);                                                                     // eop
        b.Add(248);                                                                     // post
        return b.ToArray();
    }

    [Fact]
    public void A_page_s_glyphs_rules_and_specials_are_placed_with_the_fonts_widths()
    {
        var dvi = DviFile.Read(SmallDvi(), (font, code) => code == 'A' ? 400000 : 300000);
        var page = Assert.Single(dvi.Pages);
        Assert.Equal("cmr10", dvi.Fonts[7].Name);
        Assert.Equal(655360, dvi.Fonts[7].Scale);
        Assert.Equal([new DviGlyph(7, 'A', 0, 500000), new DviGlyph(7, 'B', 400010, 500000)], page.Glyphs);
        // The rule sits where B ended, and put_rule does not move; the special is at the same point.
        Assert.Equal(new DviRule(700010, 500000, 300000, 26214), Assert.Single(page.Rules));
        Assert.Equal(new DviSpecial("abc", 700010, 500000), Assert.Single(page.Specials));
        Assert.Equal(72 / 72.27 / 65536, dvi.BigPointsPerUnit, 12);
    }

    [Fact]
    public void Fonts_can_be_read_without_interpreting_pages()
    {
        var fonts = DviFile.ReadFonts(SmallDvi(), out var bp);
        Assert.Equal("cmr10", Assert.Single(fonts).Value.Name);
        Assert.True(bp > 0);
    }

    /// <summary>A virtual font by hand: one local font (cmr10 at half the virtual font's size) and character 'V', whose packet sets 'a', moves right and sets a rule.</summary>
    private static byte[] SmallVf(bool withBop = false)
    {
        var b = new List<byte>();
        void U(long v, int n) { for (var i = n - 1; i >= 0; i--) b.Add((byte)(v >> (8 * i))); }
        b.Add(247); b.Add(202); b.Add(0); U(0, 4); U(10 << 20, 4);                       // pre, no comment, design size 10pt
        b.Add(243); b.Add(0); U(0, 4); U(1 << 19, 4); U(5 << 20, 4); b.Add(0); b.Add(5); b.AddRange("cmr10"u8.ToArray()); // fnt_def1 0, scaled 0.5
        var packet = new List<byte> { (byte)'a', 143, 0x10 };                              // set 'a', right1 0x10 (a fix_word: 16/2^20 of the size)
        packet.Add(132); packet.AddRange(new byte[] { 0, 1, 0, 0, 0, 2, 0, 0 });          // set_rule, 1/16 of the size high and 1/8 wide
        if (withBop) packet.Add(139);
        b.Add((byte)packet.Count); b.Add((byte)'V'); U(0, 3); b.AddRange(packet);        // short char packet
        b.Add(248);
        return b.ToArray();
    }

    [Fact]
    public void A_virtual_character_runs_its_packet_at_its_position_in_the_same_interpreter()
    {
        var bytes = SmallDvi();
        var vf = VirtualFont.Parse(SmallVf());
        // Font 7 (10pt) is virtual; the first character becomes 'V', the one with a packet ('B' has none and is set as it is).
        var withV = bytes.ToArray();
        withV[Array.IndexOf(withV, (byte)'A', 40)] = (byte)'V';
        var dvi = DviFile.Read(withV, (font, code) => font.Name == "cmr10" && font.Number >= DviFile.FirstLocalFont ? 100 : 400000, f => f.Number == 7 ? vf : null);
        var page = Assert.Single(dvi.Pages);
        var local = dvi.Fonts[page.Glyphs[0].Font];
        Assert.True(local.Number >= DviFile.FirstLocalFont);
        Assert.Equal(327680, local.Scale);                      // half of 10pt
        Assert.Equal(new DviGlyph(local.Number, 'a', 0, 500000), page.Glyphs[0]);
        // After the packet, B is placed by V's own TFM advance (the caller's 400000), not by what the packet moved.
        Assert.Equal(new DviGlyph(7, 'B', 400010, 500000), page.Glyphs[1]);
        // The packet's right move and rule are fix_words of the virtual font's size (10pt = 655360 sp): 'a' advanced 100.
        Assert.Contains(new DviRule(100 + 10, 500000, 655360 / 8, 655360 / 16), page.Rules);
    }

    [Fact]
    public void A_packet_that_starts_a_page_is_an_error()
    {
        var withV = SmallDvi();
        withV[Array.IndexOf(withV, (byte)'A', 40)] = (byte)'V';
        var vf = VirtualFont.Parse(SmallVf(withBop: true));
        Assert.Throws<InvalidDataException>(() => DviFile.Read(withV, (_, _) => 0, f => f.Number == 7 ? vf : null));
    }

    [Fact]
    public void An_unknown_opcode_is_an_error_not_a_guess()
    {
        var bytes = SmallDvi();
        bytes[^2] = 250;  // replace eop by an undefined opcode
        Assert.Throws<InvalidDataException>(() => DviFile.Read(bytes, (_, _) => 0));
    }

    [Theory]
    [InlineData(0x00080000, 655360, 327680)]      // 0.5 × 10pt
    [InlineData(0x00100000, 655360, 655360)]      // 1.0
    [InlineData(unchecked((int)0xFFF80000), 655360, -327680)] // −0.5
    [InlineData(0x000C0003, 655360, 491521)]      // 0.75000286… × 10pt = 491521.875 sp: TeX truncates
    public void Widths_scale_like_TeX(int fix, long size, long expected) => Assert.Equal(expected, TfmFile.Scaled(fix, size));

    [Fact]
    public void An_encoding_file_gives_glyph_names_by_code_and_ignores_comments()
    {
        var enc = TexFonts.ParseEncodingFile("% comment /x\n/Test [ /Gamma /Delta % two\n/.notdef/a ] def\n")!;
        Assert.Equal("Gamma", enc[0]);
        Assert.Equal("Delta", enc[1]);
        Assert.Null(enc[2]);
        Assert.Equal("a", enc[3]);
    }

    [Fact]
    public void A_png_box_uses_its_resolution_or_72_dpi()
    {
        var dir = Directory.CreateTempSubdirectory("bookish-png-").FullName;
        var path = Path.Combine(dir, "i.png");
        using (var bitmap = new SkiaSharp.SKBitmap(144, 36))
        using (var image = SkiaSharp.SKImage.FromBitmap(bitmap))
            File.WriteAllBytes(path, image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray());
        Assert.StartsWith("%%BoundingBox: 0 0 144 36", PngBox.Of(path));

        // The same image declaring 144 pixels per inch (5669 per metre) is half as large.
        var bytes = File.ReadAllBytes(path).ToList();
        var phys = new byte[] { 0, 0, 0, 9, (byte)'p', (byte)'H', (byte)'Y', (byte)'s', 0, 0, 0x16, 0x25, 0, 0, 0x16, 0x25, 1, 0, 0, 0, 0 };
        bytes.InsertRange(33, phys);  // after the IHDR chunk (the CRC is not checked by the reader)
        File.WriteAllBytes(path, bytes.ToArray());
        Assert.Contains("%%HiResBoundingBox: 0 0 72.0", PngBox.Of(path));
        Assert.Null(PngBox.Of(Path.Combine(dir, "missing.png")));
    }
}
