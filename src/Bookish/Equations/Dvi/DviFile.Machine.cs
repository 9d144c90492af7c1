namespace Bookish.Equations.Dvi;

internal sealed partial class DviFile
{
    /// <summary>A virtual character's packet being run: the virtual font and the font it stands for in the DVI file.</summary>
    private sealed record Packet(DviFont Parent, VirtualFont Font);

    /// <summary>
    /// The one DVI interpreter: it runs a file's pages and, with the same loop, each virtual character's packet (a
    /// short DVI program at the character's position with fresh w, x, y, z, its fonts the virtual font's own and its
    /// dimensions fix_words of the virtual font's size).
    /// </summary>
    private sealed class Machine(Func<DviFont, int, long?>? advance, Func<DviFont, VirtualFont?>? virtualOf)
    {
        public Dictionary<int, DviFont> Fonts { get; } = [];
        public List<DviPage> Pages { get; } = [];
        public double BigPointsPerUnit { get; private set; }

        private readonly Dictionary<(int Parent, int K), int> _locals = [];
        private List<DviGlyph>? _glyphs;
        private List<DviRule>? _rules;
        private List<DviSpecial>? _specials;

        /// <summary>Runs <paramref name="code"/> from (h, v): a whole file when <paramref name="packet"/> is null, else one packet.</summary>
        public void Run(ReadOnlySpan<byte> code, Packet? packet, long h, long v, int depth)
        {
            var r = new Reader(code);
            long w = 0, x = 0, y = 0, z = 0;
            var stack = new Stack<(long H, long V, long W, long X, long Y, long Z)>();
            var font = packet is null ? -1 : Local(packet, packet.Font.Fonts[0].Number);
            long Dim(long value) => packet is null ? value : Fix(value, packet.Parent.Scale);

            while (r.Position < r.Length)
            {
                var op = r.U1();
                switch (op)
                {
                    case <= 127: h += Set(font, op, h, v, depth); break;
                    case >= 128 and <= 131: h += Set(font, (int)r.Unsigned(op - 127), h, v, depth); break;
                    case >= 133 and <= 136: Set(font, (int)r.Unsigned(op - 132), h, v, depth); break;
                    case 132 or 137:
                    {
                        var a = Dim(r.S4());
                        var b = Dim(r.S4());
                        if (a > 0 && b > 0) _rules?.Add(new DviRule(h, v, b, a));
                        if (op == 132) h += b;
                        break;
                    }
                    case 138: break;
                    case 141: stack.Push((h, v, w, x, y, z)); break;
                    case 142: (h, v, w, x, y, z) = stack.Pop(); break;
                    case >= 143 and <= 146: h += Dim(r.Signed(op - 142)); break;
                    case 147: h += w; break;
                    case >= 148 and <= 151: w = Dim(r.Signed(op - 147)); h += w; break;
                    case 152: h += x; break;
                    case >= 153 and <= 156: x = Dim(r.Signed(op - 152)); h += x; break;
                    case >= 157 and <= 160: v += Dim(r.Signed(op - 156)); break;
                    case 161: v += y; break;
                    case >= 162 and <= 165: y = Dim(r.Signed(op - 161)); v += y; break;
                    case 166: v += z; break;
                    case >= 167 and <= 170: z = Dim(r.Signed(op - 166)); v += z; break;
                    case >= 171 and <= 234: font = FontNumber(packet, op - 171); break;
                    case >= 235 and <= 238: font = FontNumber(packet, (int)(op == 238 ? r.S4() : r.Unsigned(op - 234))); break;
                    case >= 239 and <= 242:
                    {
                        var length = (int)(op == 242 ? r.S4() : r.Unsigned(op - 238));
                        _specials?.Add(new DviSpecial(System.Text.Encoding.Latin1.GetString(r.Bytes(length)), h, v));
                        break;
                    }
                    // The rest belongs to the file itself, never to a packet.
                    case >= 139 and <= 140 or >= 243 and <= 248 when packet is not null:
                        throw new InvalidDataException($"DVI opcode {op} in a virtual font's packet");
                    case 139:
                        r.Skip(44);
                        h = v = w = x = y = z = 0;
                        stack.Clear();
                        font = -1;
                        if (advance is not null) { _glyphs = []; _rules = []; _specials = []; }
                        break;
                    case 140:
                        if (advance is not null) Pages.Add(new DviPage(_glyphs!, _rules!, _specials!));
                        _glyphs = null; _rules = null; _specials = null;
                        break;
                    case >= 243 and <= 246:
                    {
                        var k = (int)(op == 246 ? r.S4() : r.Unsigned(op - 242));
                        var checksum = (uint)r.S4();
                        var scale = r.S4();
                        var design = r.S4();
                        var a = r.U1();
                        var l = r.U1();
                        Fonts.TryAdd(k, new DviFont(k, System.Text.Encoding.Latin1.GetString(r.Bytes(a + l)), scale, design, checksum));
                        break;
                    }
                    case 247:
                    {
                        r.U1();
                        var num = r.S4();
                        var den = r.S4();
                        var mag = r.S4();
                        r.Skip(r.U1());
                        // DVI unit = num/den * 10^-7 m, magnified; one big point is 0.0254/72 m.
                        BigPointsPerUnit = num / (double)den * (mag / 1000.0) * 1e-7 / 0.0254 * 72;
                        break;
                    }
                    case 248: return; // the postamble repeats the font definitions
                    default: throw new InvalidDataException($"unknown DVI opcode {op} at byte {r.Position - 1}");
                }
            }
        }

        /// <summary>Sets a character (a virtual one through its packet); returns its TFM advance.</summary>
        private long Set(int font, int code, long h, long v, int depth)
        {
            if (_glyphs is null) return 0;
            if (!Fonts.TryGetValue(font, out var f)) { _glyphs.Add(new DviGlyph(font, code, h, v)); return 0; }
            if (virtualOf?.Invoke(f) is { } vf && vf.Packet(code) is { } packet && depth <= 8 && vf.Fonts.Count > 0)
                Run(packet, new Packet(f, vf), h, v, depth + 1);
            else _glyphs.Add(new DviGlyph(font, code, h, v));
            return advance?.Invoke(f, code) ?? 0;
        }

        private int FontNumber(Packet? packet, int k) => packet is null ? k : Local(packet, k);

        /// <summary>The number a virtual font's local font <paramref name="k"/> gets on the page, defined at its size on first use.</summary>
        private int Local(Packet packet, int k)
        {
            if (_locals.TryGetValue((packet.Parent.Number, k), out var n)) return n;
            var def = packet.Font.Fonts.FirstOrDefault(d => d.Number == k) ?? packet.Font.Fonts[0];
            n = FirstLocalFont + _locals.Count;
            _locals[(packet.Parent.Number, k)] = n;
            Fonts[n] = new DviFont(n, def.Name, Fix(def.ScaleFix, packet.Parent.Scale), def.DesignSize, 0);
            return n;
        }
    }

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
