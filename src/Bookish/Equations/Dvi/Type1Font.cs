using System.Globalization;
using System.Text;

namespace Bookish.Equations.Dvi;

/// <summary>
/// A PostScript Type 1 font (PFB or PFA, as TeX Live installs them): its built-in encoding and each glyph's outline,
/// decrypted and interpreted from the charstrings (Adobe Type 1 Font Format, chapters 6–8, including flex, hint
/// replacement and seac accents). Outlines are SVG path data in the font's units (y up).
/// PdfPig's public Type 1 parser was tried in its place (issue 18): it gives the same outline point for point on every
/// glyph of the Computer Modern, AMS, Latin Modern and txfonts faces, but parses a font 5 to 20 times slower (it
/// interprets every charstring up front; 23 common fonts: 17–86 ms here, 375–675 ms with PdfPig on the shared
/// machine), which made the cold math stage of the matrix calculus paper slower. This reader stays.
/// </summary>
internal sealed class Type1Font
{
    private readonly Dictionary<string, byte[]> _charStrings;
    private readonly List<byte[]> _subrs;
    private readonly Dictionary<string, string?> _paths = new(StringComparer.Ordinal);

    /// <summary>Glyph names by character code, from the font's own /Encoding.</summary>
    public string?[] Encoding { get; }
    /// <summary>Font units per em (1000 for nearly every Type 1 font).</summary>
    public double UnitsPerEm { get; }

    private Type1Font(string?[] encoding, Dictionary<string, byte[]> charStrings, List<byte[]> subrs, double unitsPerEm)
    {
        Encoding = encoding;
        _charStrings = charStrings;
        _subrs = subrs;
        UnitsPerEm = unitsPerEm;
    }

    public bool Has(string glyph) => _charStrings.ContainsKey(glyph);

    public static Type1Font Parse(byte[] file)
    {
        var (clear, encrypted) = Split(file);
        var clearText = System.Text.Encoding.Latin1.GetString(clear);
        var encoding = ParseEncoding(clearText);
        var unitsPerEm = ParseUnitsPerEm(clearText);
        var priv = Decrypt(encrypted, 55665, 4);
        var (charStrings, subrs) = ParsePrivate(priv);
        return new Type1Font(encoding, charStrings, subrs, unitsPerEm);
    }

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    /// <summary>The content id of a glyph's outline (<see cref="GlyphOutlines.IdOf"/>), computed once per glyph.</summary>
    public string IdOf(string glyph, string path)
    {
        lock (_ids)
        {
            if (!_ids.TryGetValue(glyph, out var id)) _ids[glyph] = id = GlyphOutlines.IdOf(path);
            return id;
        }
    }

    /// <summary>SVG path data of a glyph (y up, font units, relative commands), "" for an empty glyph, null if absent.</summary>
    public string? PathOf(string glyph)
    {
        lock (_paths)
        {
            if (_paths.TryGetValue(glyph, out var cached)) return cached;
            string? path = null;
            if (_charStrings.ContainsKey(glyph))
            {
                try
                {
                    var builder = new PathBuilder();
                    new Interpreter(this, builder).Run(glyph, 0, 0);
                    path = builder.ToString();
                }
                catch (Exception e) when (e is IndexOutOfRangeException or InvalidDataException or ArgumentException or InvalidOperationException)
                {
                    path = null; // a charstring this interpreter cannot follow: the page goes to another toolchain
                }
            }
            _paths[glyph] = path;
            return path;
        }
    }

    private static (byte[] Clear, byte[] Encrypted) Split(byte[] file)
    {
        if (file.Length > 6 && file[0] == 0x80)
        {
            // PFB: segments of (0x80, type, length LE32); type 1 ASCII, 2 binary, 3 end.
            var clear = new List<byte>();
            var binary = new List<byte>();
            var i = 0;
            while (i + 6 <= file.Length && file[i] == 0x80 && file[i + 1] != 3)
            {
                var type = file[i + 1];
                var length = BitConverter.ToInt32(file, i + 2);
                var segment = file.AsSpan(i + 6, Math.Min(length, file.Length - i - 6));
                if (type == 2) binary.AddRange(segment.ToArray());
                else if (binary.Count == 0) clear.AddRange(segment.ToArray());
                i += 6 + length;
            }
            return (clear.ToArray(), binary.ToArray());
        }
        // PFA: clear text up to "eexec", then hexadecimal.
        var text = System.Text.Encoding.Latin1.GetString(file);
        var at = text.IndexOf("eexec", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException("no eexec section");
        var hex = new List<byte>();
        int? high = null;
        for (var k = at + 5; k < text.Length; k++)
        {
            var v = HexValue(text[k]);
            if (v < 0) continue;
            if (high is null) high = v;
            else { hex.Add((byte)(high.Value * 16 + v)); high = null; }
        }
        return (file[..at], hex.ToArray());
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static byte[] Decrypt(ReadOnlySpan<byte> data, ushort key, int skip)
    {
        var r = key;
        var plain = new byte[Math.Max(0, data.Length - skip)];
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var p = (byte)(c ^ (r >> 8));
            r = (ushort)((c + r) * 52845 + 22719);
            if (i >= skip) plain[i - skip] = p;
        }
        return plain;
    }

    private static string?[] ParseEncoding(string clear)
    {
        var encoding = new string?[256];
        var at = clear.IndexOf("/Encoding", StringComparison.Ordinal);
        if (at < 0) return encoding;
        var rest = clear.AsSpan(at + 9);
        var trimmed = rest.TrimStart();
        if (trimmed.StartsWith("StandardEncoding")) return (string?[])StandardEncoding.Names.Clone();
        // "dup <code> /<name> put" entries up to the closing "def".
        var end = rest.IndexOf(" def", StringComparison.Ordinal);
        // PostScript needs no space before a name: "dup 0/Gamma put".
        var body = (end < 0 ? rest : rest[..end]).ToString().Replace("/", " /");
        var tokens = body.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 3 < tokens.Length; i++)
            if (tokens[i] == "dup" && int.TryParse(tokens[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                && tokens[i + 2].StartsWith('/') && tokens[i + 3] == "put" && code is >= 0 and < 256)
                encoding[code] = tokens[i + 2][1..];
        return encoding;
    }

    private static double ParseUnitsPerEm(string clear)
    {
        var at = clear.IndexOf("/FontMatrix", StringComparison.Ordinal);
        if (at < 0) return 1000;
        var open = clear.IndexOfAny(['[', '{'], at);
        var close = clear.IndexOfAny([']', '}'], open + 1);
        if (open < 0 || close < 0) return 1000;
        var first = clear[(open + 1)..close].Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a > 0 ? 1 / a : 1000;
    }

    /// <summary>The /Subrs array and /CharStrings dictionary of the decrypted private part.</summary>
    private static (Dictionary<string, byte[]>, List<byte[]>) ParsePrivate(byte[] priv)
    {
        var text = System.Text.Encoding.Latin1.GetString(priv);
        var lenIV = 4;
        var lenAt = text.IndexOf("/lenIV", StringComparison.Ordinal);
        if (lenAt >= 0)
        {
            var digits = new string(text.AsSpan(lenAt + 6).TrimStart().ToArray().TakeWhile(c => char.IsAsciiDigit(c) || c == '-').ToArray());
            if (int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) lenIV = l;
        }
        var subrs = new List<byte[]>();
        var charStrings = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var pos = 0;
        var subrsAt = text.IndexOf("/Subrs", StringComparison.Ordinal);
        var charsAt = text.IndexOf("/CharStrings", StringComparison.Ordinal);
        if (subrsAt >= 0 && (charsAt < 0 || subrsAt < charsAt))
        {
            pos = subrsAt + 6;
            // dup <index> <length> RD <binary> NP
            while (true)
            {
                var dup = text.IndexOf("dup ", pos, StringComparison.Ordinal);
                if (dup < 0 || (charsAt >= 0 && dup > charsAt)) break;
                var p = dup + 4;
                var index = ReadInt(text, ref p);
                var length = ReadInt(text, ref p);
                p = SkipToken(text, p) + 1; // RD or -| and the single space after it
                if (index < 0 || length < 0 || p + length > priv.Length) break;
                while (subrs.Count <= index) subrs.Add([]);
                subrs[index] = Decode(priv.AsSpan(p, length), lenIV);
                pos = p + length;
            }
        }
        if (charsAt >= 0)
        {
            pos = text.IndexOf("begin", charsAt, StringComparison.Ordinal);
            if (pos < 0) pos = charsAt;
            // /<name> <length> RD <binary> ND
            while (true)
            {
                var slash = text.IndexOf('/', pos);
                if (slash < 0) break;
                var p = slash + 1;
                var nameEnd = p;
                while (nameEnd < text.Length && !char.IsWhiteSpace(text[nameEnd])) nameEnd++;
                var name = text[p..nameEnd];
                p = nameEnd;
                var length = ReadInt(text, ref p);
                if (length < 0) { pos = nameEnd; if (text.AsSpan(slash).StartsWith("/Private") || name.Length == 0) break; continue; }
                p = SkipToken(text, p) + 1;
                if (p + length > priv.Length) break;
                charStrings[name] = Decode(priv.AsSpan(p, length), lenIV);
                pos = p + length;
                var endAt = NextNonSpace(text, pos);
                if (text.AsSpan(endAt).StartsWith("end")) break;
            }
        }
        return (charStrings, subrs);
    }

    /// <summary>Charstrings are encrypted with key 4330 and lenIV leading bytes, unless lenIV is -1.</summary>
    private static byte[] Decode(ReadOnlySpan<byte> data, int lenIV) => lenIV < 0 ? data.ToArray() : Decrypt(data, 4330, lenIV);

    private static int NextNonSpace(string text, int p)
    {
        while (p < text.Length && (char.IsWhiteSpace(text[p]) || text[p] is 'N' or 'D' or '|' or '-' or 'P')) p++;
        // skip the terminator token ("ND", "|-", "noaccess def") to the next entry
        return p;
    }

    private static int ReadInt(string text, ref int p)
    {
        while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
        var start = p;
        if (p < text.Length && text[p] == '-') p++;
        while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
        return int.TryParse(text.AsSpan(start, p - start), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;
    }

    private static int SkipToken(string text, int p)
    {
        while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
        while (p < text.Length && !char.IsWhiteSpace(text[p])) p++;
        return p;
    }

    /// <summary>Collects an outline as compact relative SVG path data.</summary>
    private sealed class PathBuilder
    {
        private readonly StringBuilder _sb = new();
        private double _x, _y;        // pen position as written
        private double _startX, _startY;
        private bool _open;
        private char _last;

        public void MoveTo(double x, double y)
        {
            if (_open) ClosePath();
            Command('m');
            Number(x - _x); Number(y - _y);
            _x = _startX = x; _y = _startY = y;
            _open = true;
        }

        public void LineTo(double x, double y)
        {
            if (!_open) MoveTo(_x, _y);
            Command('l');
            Number(x - _x); Number(y - _y);
            _x = x; _y = y;
        }

        public void CurveTo(double x1, double y1, double x2, double y2, double x3, double y3)
        {
            if (!_open) MoveTo(_x, _y);
            Command('c');
            Number(x1 - _x); Number(y1 - _y); Number(x2 - _x); Number(y2 - _y); Number(x3 - _x); Number(y3 - _y);
            _x = x3; _y = y3;
        }

        public void ClosePath()
        {
            if (!_open) return;
            _sb.Append('z');
            _last = 'z';
            _x = _startX; _y = _startY;
            _open = false;
        }

        private bool _needSeparator;

        private void Command(char c)
        {
            if (_last != c || c == 'm') { _sb.Append(c); _last = c; _needSeparator = false; }
        }

        private void Number(double v)
        {
            var text = Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
            if (text == "-0") text = "0";
            if (text.StartsWith("0.", StringComparison.Ordinal)) text = text[1..];
            else if (text.StartsWith("-0.", StringComparison.Ordinal)) text = "-" + text[2..];
            if (_needSeparator && text[0] != '-' && !(text[0] == '.' && _lastHadDot)) _sb.Append(' ');
            _sb.Append(text);
            _lastHadDot = text.Contains('.');
            _needSeparator = true;
        }

        private bool _lastHadDot;

        public override string ToString()
        {
            if (_open) ClosePath();
            return _sb.ToString();
        }
    }

    /// <summary>The Type 1 charstring machine.</summary>
    private sealed class Interpreter(Type1Font font, PathBuilder path)
    {
        private readonly double[] _stack = new double[48];
        private int _sp;
        private readonly Stack<double> _ps = new();
        private double _x, _y;
        private bool _flex;
        private readonly List<(double X, double Y)> _flexPoints = [];
        private double _originX, _originY;
        private int _depth;

        public void Run(string glyph, double originX, double originY)
        {
            if (!font._charStrings.TryGetValue(glyph, out var code)) return;
            _originX = originX;
            _originY = originY;
            _sp = 0;
            Execute(code);
        }

        private void Push(double v) { if (_sp < _stack.Length) _stack[_sp++] = v; }
        private double Arg(int i) => _stack[i];

        private bool Execute(byte[] code)
        {
            if (++_depth > 20) throw new InvalidDataException("charstring subroutines nest too deeply");
            try
            {
                var i = 0;
                while (i < code.Length)
                {
                    int v = code[i++];
                    if (v >= 32)
                    {
                        if (v <= 246) Push(v - 139);
                        else if (v <= 250) Push((v - 247) * 256 + code[i++] + 108);
                        else if (v <= 254) Push(-(v - 251) * 256 - code[i++] - 108);
                        else { Push((code[i] << 24) | (code[i + 1] << 16) | (code[i + 2] << 8) | code[i + 3]); i += 4; }
                        continue;
                    }
                    if (v == 12) v = 32 + code[i++];
                    switch (v)
                    {
                        case 1 or 3 or 32 + 1 or 32 + 2 or 32 + 0: _sp = 0; break; // hints, dotsection
                        case 4: Move(0, Arg(0)); break;                     // vmoveto
                        case 5: Line(Arg(0), Arg(1)); break;                // rlineto
                        case 6: Line(Arg(0), 0); break;                     // hlineto
                        case 7: Line(0, Arg(0)); break;                     // vlineto
                        case 8: Curve(Arg(0), Arg(1), Arg(2), Arg(3), Arg(4), Arg(5)); break; // rrcurveto
                        case 9: path.ClosePath(); _sp = 0; break;            // closepath
                        case 10:                                            // callsubr
                        {
                            var n = (int)_stack[--_sp];
                            if (n >= 0 && n < font._subrs.Count && !Execute(font._subrs[n])) return false;
                            break;
                        }
                        case 11: return true;                               // return
                        case 13:                                            // hsbw
                            _x = _originX + Arg(0); _y = _originY; _sp = 0; break;
                        case 14: path.ClosePath(); _sp = 0; return false;  // endchar
                        case 21: Move(Arg(0), Arg(1)); break;               // rmoveto
                        case 22: Move(Arg(0), 0); break;                    // hmoveto
                        case 30: Curve(0, Arg(0), Arg(1), Arg(2), Arg(3), 0); break; // vhcurveto
                        case 31: Curve(Arg(0), 0, Arg(1), Arg(2), 0, Arg(3)); break; // hvcurveto
                        case 32 + 6:                                        // seac
                        {
                            var (asb, adx, ady, bchar, achar) = (Arg(0), Arg(1), Arg(2), (int)Arg(3), (int)Arg(4));
                            var (ox, oy) = (_originX, _originY);
                            var baseName = StandardEncoding.Names.ElementAtOrDefault(bchar);
                            var accentName = StandardEncoding.Names.ElementAtOrDefault(achar);
                            if (baseName is not null) Run(baseName, ox, oy);
                            if (accentName is not null) Run(accentName, ox + adx - asb, oy + ady);
                            return false;
                        }
                        case 32 + 7:                                        // sbw
                            _x = _originX + Arg(0); _y = _originY + Arg(1); _sp = 0; break;
                        case 32 + 12:                                       // div
                            if (_sp >= 2) { _stack[_sp - 2] /= _stack[_sp - 1]; _sp--; }
                            break;
                        case 32 + 16:                                       // callothersubr
                        {
                            var other = (int)_stack[--_sp];
                            var n = (int)_stack[--_sp];
                            var args = new double[Math.Max(0, Math.Min(n, _sp))];
                            for (var k = args.Length - 1; k >= 0; k--) args[k] = _stack[--_sp];
                            OtherSubr(other, args);
                            break;
                        }
                        case 32 + 17:                                       // pop
                            Push(_ps.Count > 0 ? _ps.Pop() : 0);
                            break;
                        case 32 + 33: _sp = 0; break;                       // setcurrentpoint: the flex already ended there
                        default: _sp = 0; break;
                    }
                }
                return true;
            }
            finally { _depth--; }
        }

        private void OtherSubr(int other, double[] args)
        {
            switch (other)
            {
                case 1: _flex = true; _flexPoints.Clear(); break;
                case 2: _flexPoints.Add((_x, _y)); break;
                case 0:
                    _flex = false;
                    if (_flexPoints.Count >= 7)
                    {
                        var p = _flexPoints;
                        path.CurveTo(p[1].X, p[1].Y, p[2].X, p[2].Y, p[3].X, p[3].Y);
                        path.CurveTo(p[4].X, p[4].Y, p[5].X, p[5].Y, p[6].X, p[6].Y);
                        _x = p[6].X; _y = p[6].Y;
                    }
                    _ps.Clear();
                    _ps.Push(_y); _ps.Push(_x);
                    break;
                default:
                    // Hint replacement (3) and anything else: hand the arguments back to the following pops.
                    _ps.Clear();
                    for (var k = args.Length - 1; k >= 0; k--) _ps.Push(args[k]);
                    break;
            }
        }

        private void Move(double dx, double dy)
        {
            _x += dx; _y += dy; _sp = 0;
            if (!_flex) path.MoveTo(_x, _y);
        }

        private void Line(double dx, double dy)
        {
            _x += dx; _y += dy; _sp = 0;
            path.LineTo(_x, _y);
        }

        private void Curve(double dx1, double dy1, double dx2, double dy2, double dx3, double dy3)
        {
            var x1 = _x + dx1; var y1 = _y + dy1;
            var x2 = x1 + dx2; var y2 = y1 + dy2;
            _x = x2 + dx3; _y = y2 + dy3; _sp = 0;
            path.CurveTo(x1, y1, x2, y2, _x, _y);
        }
    }
}
