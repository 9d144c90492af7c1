using System.Globalization;
using System.Text;

namespace Bookish.Highlighting;

/// <summary>
/// Highlighted code as LaTeX: fvextra's <c>Verbatim</c> with <c>commandchars=\\\{\}</c>, each coloured token a
/// <c>\bookishtok{kind}{text}</c> (colours from <see cref="CodePalette.LatexDefinitions"/>), so the PDF shows the
/// page's colours without shell escape or Pygments. Safe for any content: only <c>\</c>, <c>{</c> and <c>}</c> are
/// special inside (written as <c>\textbackslash{}</c>, <c>\{</c>, <c>\}</c>); everything else prints as itself,
/// tabs are expanded to 4-column stops, characters the fonts lack are drawn like prose's; long lines wrap (at spaces,
/// or inside words and runs of symbols, see <see cref="LineState"/>; the continuation marked by a small arrow) within the text width. <c>\end{Verbatim}</c> inside the code is harmless:
/// its backslash is escaped.
/// </summary>
internal static class CodeLatex
{
    public static string Render(HighlightedCode code, CodeAttributes attributes)
    {
        var options = new List<string>
        {
            @"commandchars=\\\{\}", "breaklines",
            @"breaksymbolleft={\tiny\ensuremath{\hookrightarrow}}", "breaksymbolright={}",
        };
        var lines = CodeHtml.Lines(code);
        if (attributes.NumberLines)
        {
            options.Add("numbers=left");
            options.Add("numbersep=6pt");
            options.Add(@"numberblanklines=true");
            options.Add(string.Create(CultureInfo.InvariantCulture, $"firstnumber={attributes.StartFrom}"));
        }
        var highlighted = attributes.HighlightLines.Where(l => l <= lines).ToList();
        if (highlighted.Count > 0)
        {
            // fvextra counts highlightlines in the line numbers it prints (firstnumber onwards).
            var offset = attributes.NumberLines ? attributes.StartFrom - 1 : 0;
            options.Add("highlightlines={" + string.Join(",", highlighted.Select(l => (l + offset).ToString(CultureInfo.InvariantCulture))) + "}");
            options.Add("highlightcolor=bookishcodehl");
        }
        var sb = new StringBuilder();
        sb.Append("\\begin{Verbatim}[").Append(string.Join(",", options)).Append("]\n");
        for (var i = 0; i < lines; i++)
        {
            var state = new LineState { Breakable = code.LineText(i).Length > BreakableLength };
            foreach (var token in code.Lines[i])
            {
                var text = Escape(token.Text, ref state);
                if (CodePalette.Of(token.Kind) is { } style && token.Text.Any(c => !char.IsWhiteSpace(c)))
                    sb.Append(style.Italic ? "\\bookishtokit{" : "\\bookishtok{").Append(style.Name).Append("}{").Append(text).Append('}');
                else sb.Append(text);
            }
            sb.Append('\n');
        }
        sb.Append("\\end{Verbatim}");
        return sb.ToString();
    }

    /// <summary>
    /// One token's text for the inside of the Verbatim: <c>\ { }</c> as commands, tabs as spaces to the next stop of
    /// 4 (<paramref name="column"/> carries the column across tokens), ASCII as itself, other characters as prose
    /// writes them (accents through inputenc, symbols as math, the rest drawn as glyphs).
    /// </summary>
    internal static string Escape(string text, ref int column)
    {
        var state = new LineState { Column = column };
        var escaped = Escape(text, ref state);
        column = state.Column;
        return escaped;
    }

    /// <summary>Lines longer than this (in characters) get break points: they may not fit the PDF's text width.</summary>
    public const int BreakableLength = 64;

    /// <summary>
    /// Where a line is: its column (for tabs), and for a long line the break points so far. fvextra breaks long lines at
    /// spaces; a long line also gets a break point every 3 characters between two letters or digits (never beside a
    /// symbol, so a word split at the line end joins again in the text extracted from the PDF), and after every 3rd
    /// character of a long run of symbols.
    /// </summary>
    internal struct LineState
    {
        public int Column;
        public bool Breakable;
        public int SinceBreak;
        public char Previous;
    }

    internal static string Escape(string text, ref LineState state)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (state.Breakable)
            {
                var bothWord = char.IsAsciiLetterOrDigit(c) && char.IsAsciiLetterOrDigit(state.Previous);
                var bothSymbol = c > ' ' && c < '\x7f' && !char.IsAsciiLetterOrDigit(c) && state.Previous > ' ' && state.Previous < '\x7f' && !char.IsAsciiLetterOrDigit(state.Previous);
                if (c == ' ' || c == '\t' || !(bothWord || bothSymbol)) state.SinceBreak = 0;
                else if (++state.SinceBreak >= 3)
                {
                    sb.Append("\\allowbreak{}");
                    state.SinceBreak = 0;
                }
                state.Previous = c;
            }
            switch (c)
            {
                case '\\': sb.Append("\\textbackslash{}"); break;
                case '{': sb.Append("\\{"); break;
                case '}': sb.Append("\\}"); break;
                case '\t':
                    var spaces = 4 - state.Column % 4;
                    sb.Append(' ', spaces);
                    state.Column += spaces - 1;
                    break;
                case < '\x7f': sb.Append(c); break;
                default:
                {
                    var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                    // Combining marks and joiners stay with the character before them.
                    while (i + length < text.Length && (text[i + length] is '\u200D' or >= '\uFE00' and <= '\uFE0F'
                        || char.GetUnicodeCategory(text[i + length]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
                        length += text[i + length] == '\u200D' && i + length + 2 < text.Length && char.IsHighSurrogate(text[i + length + 1]) ? 3 : 1;
                    var piece = text.Substring(i, length);
                    var escaped = Latex.LatexEscaper.Escape(piece);
                    // Prose escapes that rely on TeX's own special characters (^, _, ~, $, #) do not work in verbatim.
                    if (escaped.IndexOfAny(['^', '_', '~', '$', '#', '&', '%']) >= 0)
                        escaped = Latex.Unicode.FallbackGlyphs.Placeholder(piece.EnumerateRunes().Select(r => r.Value));
                    sb.Append(escaped);
                    i += length - 1;
                    break;
                }
            }
            state.Column++;
        }
        return sb.ToString();
    }
}
