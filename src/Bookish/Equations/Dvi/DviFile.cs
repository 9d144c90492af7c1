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
internal sealed class DviFile
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

    /// <summary>The fonts a DVI file uses, read from its font definitions only (no page is interpreted).</summary>
    public static Dictionary<int, DviFont> ReadFonts(ReadOnlySpan<byte> data, out double bigPointsPerUnit)
    {
        var fonts = new Dictionary<int, DviFont>();
        bigPointsPerUnit = 0;
        var r = new Reader(data);
        var pages = new List<DviPage>();
        Interpret(ref r, fonts, null, pages, ref bigPointsPerUnit);
        return fonts;
    }

    /// <summary>
    /// Reads every page; <paramref name="advance"/> gives a character's TFM width in DVI units (null: font unknown, the
    /// character then does not move the position). Characters of virtual fonts (<paramref name="virtualOf"/>) are
    /// replaced by what their packets set, in fonts numbered from <see cref="FirstLocalFont"/> on.
    /// </summary>
    public static DviFile Read(ReadOnlySpan<byte> data, Func<DviFont, int, long?> advance, Func<DviFont, VirtualFont?>? virtualOf = null)
    {
        var fonts = new Dictionary<int, DviFont>();
        var pages = new List<DviPage>();
        double bp = 0;
        var r = new Reader(data);
        Interpret(ref r, fonts, advance, pages, ref bp, virtualOf);
        return new DviFile(fonts, pages, bp);
    }

    /// <summary>Font numbers from here on are fonts of virtual fonts, not of the DVI file.</summary>
    public const int FirstLocalFont = 1 << 20;

    private static void Interpret(ref Reader r, Dictionary<int, DviFont> fonts, Func<DviFont, int, long?>? advance, List<DviPage> pages, ref double bp,
        Func<DviFont, VirtualFont?>? virtualOf = null)
    {
        long h = 0, v = 0, w = 0, x = 0, y = 0, z = 0;
        var stack = new Stack<(long H, long V, long W, long X, long Y, long Z)>();
        var font = -1;
        List<DviGlyph>? glyphs = null;
        List<DviRule>? rules = null;
        List<DviSpecial>? specials = null;

        long Width(int code)
        {
            if (advance is null || !fonts.TryGetValue(font, out var f)) return 0;
            return advance(f, code) ?? 0;
        }

        var locals = new Dictionary<(int Parent, int K), int>();

        void Set(int code, bool move)
        {
            if (glyphs is not null && virtualOf is not null && fonts.TryGetValue(font, out var f) && virtualOf(f) is { } vf)
                Expand(f, vf, code, h, v, 0);
            else glyphs?.Add(new DviGlyph(font, code, h, v));
            if (move) h += Width(code);
        }

        // A virtual character: its packet runs at (h, v) with fresh w, x, y, z, dimensions scaled by the font's size.
        void Expand(DviFont parent, VirtualFont vf, int code, long h0, long v0, int depth)
        {
            var packet = vf.Packet(code);
            if (packet is null || depth > 8 || vf.Fonts.Count == 0) { glyphs!.Add(new DviGlyph(parent.Number, code, h0, v0)); return; }
            int Local(int k)
            {
                if (locals.TryGetValue((parent.Number, k), out var n)) return n;
                var def = vf.Fonts.FirstOrDefault(d => d.Number == k) ?? vf.Fonts[0];
                n = FirstLocalFont + locals.Count;
                locals[(parent.Number, k)] = n;
                fonts[n] = new DviFont(n, def.Name, Fix(def.ScaleFix, parent.Scale), def.DesignSize, 0);
                return n;
            }
            long Dim(long value) => Fix(value, parent.Scale);
            var p = new Reader(packet);
            long ph = h0, pv = v0, pw = 0, px = 0, py = 0, pz = 0;
            var pstack = new Stack<(long, long, long, long, long, long)>();
            var pf = Local(vf.Fonts[0].Number);
            void Put(int c, bool move)
            {
                var lf = fonts[pf];
                if (virtualOf!(lf) is { } inner) Expand(lf, inner, c, ph, pv, depth + 1);
                else glyphs!.Add(new DviGlyph(pf, c, ph, pv));
                if (move) ph += advance!(lf, c) ?? 0;
            }
            while (p.Position < p.Length)
            {
                var op = p.U1();
                switch (op)
                {
                    case <= 127: Put(op, true); break;
                    case >= 128 and <= 131: Put((int)p.Unsigned(op - 127), true); break;
                    case >= 133 and <= 136: Put((int)p.Unsigned(op - 132), false); break;
                    case 132 or 137:
                    {
                        var a = Dim(p.S4());
                        var b = Dim(p.S4());
                        if (a > 0 && b > 0) rules!.Add(new DviRule(ph, pv, b, a));
                        if (op == 132) ph += b;
                        break;
                    }
                    case 138: break;
                    case 141: pstack.Push((ph, pv, pw, px, py, pz)); break;
                    case 142: (ph, pv, pw, px, py, pz) = pstack.Pop(); break;
                    case >= 143 and <= 146: ph += Dim(p.Signed(op - 142)); break;
                    case 147: ph += pw; break;
                    case >= 148 and <= 151: pw = Dim(p.Signed(op - 147)); ph += pw; break;
                    case 152: ph += px; break;
                    case >= 153 and <= 156: px = Dim(p.Signed(op - 152)); ph += px; break;
                    case >= 157 and <= 160: pv += Dim(p.Signed(op - 156)); break;
                    case 161: pv += py; break;
                    case >= 162 and <= 165: py = Dim(p.Signed(op - 161)); pv += py; break;
                    case 166: pv += pz; break;
                    case >= 167 and <= 170: pz = Dim(p.Signed(op - 166)); pv += pz; break;
                    case >= 171 and <= 234: pf = Local(op - 171); break;
                    case >= 235 and <= 238: pf = Local((int)(op == 238 ? p.S4() : p.Unsigned(op - 234))); break;
                    case >= 239 and <= 242:
                    {
                        var length = (int)(op == 242 ? p.S4() : p.Unsigned(op - 238));
                        specials!.Add(new DviSpecial(System.Text.Encoding.Latin1.GetString(p.Bytes(length)), ph, pv));
                        break;
                    }
                    default: throw new InvalidDataException($"DVI opcode {op} in a virtual font's packet");
                }
            }
        }

        while (r.Position < r.Length)
        {
            var op = r.U1();
            switch (op)
            {
                case <= 127: Set(op, true); break;
                case >= 128 and <= 131: Set((int)r.Unsigned(op - 127), true); break;
                case 132 or 137:
                {
                    var a = r.S4();
                    var b = r.S4();
                    if (a > 0 && b > 0) rules?.Add(new DviRule(h, v, b, a));
                    if (op == 132) h += b;
                    break;
                }
                case >= 133 and <= 136: Set((int)r.Unsigned(op - 132), false); break;
                case 138: break;
                case 139:
                    r.Skip(44);
                    h = v = w = x = y = z = 0;
                    stack.Clear();
                    font = -1;
                    glyphs = [];
                    rules = [];
                    specials = [];
                    if (advance is null) { glyphs = null; rules = null; specials = null; }
                    break;
                case 140:
                    if (advance is not null) pages.Add(new DviPage(glyphs!, rules!, specials!));
                    glyphs = null; rules = null; specials = null;
                    break;
                case 141: stack.Push((h, v, w, x, y, z)); break;
                case 142: (h, v, w, x, y, z) = stack.Pop(); break;
                case >= 143 and <= 146: h += r.Signed(op - 142); break;
                case 147: h += w; break;
                case >= 148 and <= 151: w = r.Signed(op - 147); h += w; break;
                case 152: h += x; break;
                case >= 153 and <= 156: x = r.Signed(op - 152); h += x; break;
                case >= 157 and <= 160: v += r.Signed(op - 156); break;
                case 161: v += y; break;
                case >= 162 and <= 165: y = r.Signed(op - 161); v += y; break;
                case 166: v += z; break;
                case >= 167 and <= 170: z = r.Signed(op - 166); v += z; break;
                case >= 171 and <= 234: font = op - 171; break;
                case >= 235 and <= 238: font = (int)(op == 238 ? r.S4() : r.Unsigned(op - 234)); break;
                case >= 239 and <= 242:
                {
                    var length = (int)(op == 242 ? r.S4() : r.Unsigned(op - 238));
                    var text = System.Text.Encoding.Latin1.GetString(r.Bytes(length));
                    specials?.Add(new DviSpecial(text, h, v));
                    break;
                }
                case >= 243 and <= 246:
                {
                    var k = (int)(op == 246 ? r.S4() : r.Unsigned(op - 242));
                    var checksum = (uint)r.S4();
                    var scale = r.S4();
                    var design = r.S4();
                    var a = r.U1();
                    var l = r.U1();
                    var name = System.Text.Encoding.Latin1.GetString(r.Bytes(a + l));
                    fonts.TryAdd(k, new DviFont(k, name, scale, design, checksum));
                    break;
                }
                case 247:
                {
                    r.U1();
                    var num = r.S4();
                    var den = r.S4();
                    var mag = r.S4();
                    var k = r.U1();
                    r.Skip(k);
                    // DVI unit = num/den * 10^-7 m, magnified; one big point is 0.0254/72 m.
                    bp = num / (double)den * (mag / 1000.0) * 1e-7 / 0.0254 * 72;
                    break;
                }
                case 248: return; // the postamble repeats the font definitions
                default: throw new InvalidDataException($"unknown DVI opcode {op} at byte {r.Position - 1}");
            }
        }
    }

    /// <summary>A fix_word (a multiple of 2^-20) of a size in DVI units, with TeX's rounding when it fits a TFM word.</summary>
    private static long Fix(long value, long size) =>
        value is >= -(1 << 24) and < (1 << 24) ? TfmFile.Scaled((int)value, size) : (long)Math.Round(value * (double)size / (1 << 20));

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        public int Position;
        public readonly int Length => _data.Length;

        public int U1() => _data[Position++];
        public void Skip(int n) => Position += n;
        public ReadOnlySpan<byte> Bytes(int n)
        {
            var s = _data.Slice(Position, n);
            Position += n;
            return s;
        }

        public long Unsigned(int n)
        {
            long value = 0;
            for (var i = 0; i < n; i++) value = (value << 8) | _data[Position++];
            return value;
        }

        public long Signed(int n)
        {
            long value = (sbyte)_data[Position++];
            for (var i = 1; i < n; i++) value = (value << 8) | _data[Position++];
            return value;
        }

        public long S4() => Signed(4);
    }
}
