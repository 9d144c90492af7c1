using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Type1.Parser;

namespace Bookish.Equations.Dvi;

/// <summary>
/// A PostScript Type 1 font (PFB or PFA, as TeX Live installs them), read with PdfPig's public Type 1 parser (which
/// decrypts the font and interprets its charstrings, flex, hint replacement and seac accents included): its built-in
/// encoding and each glyph's outline as SVG path data in the font's units (y up). Checked point for point against
/// Bookish's former charstring interpreter on the Computer Modern, AMS, Latin Modern and txfonts faces.
/// </summary>
internal sealed class Type1Font
{
    private readonly UglyToad.PdfPig.Fonts.Type1.Type1Font _font;
    private readonly Dictionary<string, string?> _paths = new(StringComparer.Ordinal);

    /// <summary>Glyph names by character code, from the font's own /Encoding.</summary>
    public string?[] Encoding { get; }
    /// <summary>Font units per em (1000 for nearly every Type 1 font).</summary>
    public double UnitsPerEm { get; }

    private Type1Font(UglyToad.PdfPig.Fonts.Type1.Type1Font font)
    {
        _font = font;
        // PdfPig resolves /Encoding StandardEncoding itself.
        Encoding = new string?[256];
        foreach (var (code, name) in font.Encoding)
            if (code is >= 0 and < 256 && name != ".notdef") Encoding[code] = name;
        UnitsPerEm = font.FontMatrix.A is > 0 and var a ? Math.Round(1 / a, 6) : 1000;
    }

    public bool Has(string glyph) => _font.ContainsNamedCharacter(glyph);

    /// <summary>Reads the font; <see cref="InvalidDataException"/> when PdfPig cannot.</summary>
    public static Type1Font Parse(byte[] file)
    {
        UglyToad.PdfPig.Fonts.Type1.Type1Font font;
        try { font = Type1FontParser.Parse(new MemoryInputBytes(file), 0, 0, new StackDepthGuard(64)); }
        catch (Exception e) when (e is not (OutOfMemoryException or InvalidDataException))
        {
            throw new InvalidDataException("not a Type 1 font PdfPig can read: " + e.Message, e);
        }
        // PdfPig reads what it can; a font without a single encoded glyph is not one TeX uses.
        return font.Encoding.Count > 0 ? new Type1Font(font) : throw new InvalidDataException("a Type 1 font without an encoding");
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
            if (_font.ContainsNamedCharacter(glyph))
            {
                try
                {
                    var builder = new PathBuilder();
                    foreach (var subpath in _font.GetCharacterPath(glyph) ?? [])
                        foreach (var command in subpath.Commands)
                            switch (command)
                            {
                                case PdfSubpath.Move m: builder.MoveTo(m.Location.X, m.Location.Y); break;
                                case PdfSubpath.Line l: builder.LineTo(l.To.X, l.To.Y); break;
                                case PdfSubpath.CubicBezierCurve c:
                                    builder.CurveTo(c.FirstControlPoint.X, c.FirstControlPoint.Y, c.SecondControlPoint.X, c.SecondControlPoint.Y, c.EndPoint.X, c.EndPoint.Y);
                                    break;
                                case PdfSubpath.Close: builder.ClosePath(); break;
                            }
                    path = builder.ToString();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    path = null; // a charstring PdfPig cannot follow: the page goes to another toolchain
                }
            }
            _paths[glyph] = path;
            return path;
        }
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
}
