using System.Globalization;
using System.Text;

namespace Bookish.Highlighting;

/// <summary>
/// Highlighted code as LaTeX: fvextra's <c>Verbatim</c> with <c>commandchars=\\\{\}</c>, each coloured token a
/// <c>\bookishtok{kind}{text}</c> (colours from <see cref="CodePalette.LatexDefinitions"/>), so the PDF shows the
/// page's colours without shell escape or Pygments. Safe for any content: only <c>\</c>, <c>{</c> and <c>}</c> are
/// special inside (written as <c>\textbackslash{}</c>, <c>\{</c>, <c>\}</c>); everything else prints as itself,
/// tabs are expanded to 4-column stops, characters the fonts lack are drawn like prose's; long lines wrap (anywhere,
/// the continuation marked by a small arrow) within the text width. <c>\end{Verbatim}</c> inside the code is harmless:
/// its backslash is escaped.
/// </summary>
internal static class CodeLatex
{
    public static string Render(HighlightedCode code, CodeAttributes attributes)
    {
        var options = new List<string>
        {
            @"commandchars=\\\{\}", "fontsize=\\small", "breaklines", "breakanywhere",
            @"breaksymbolleft={\tiny\ensuremath{\hookrightarrow}}", "breakanywheresymbolpre={}", "breaksymbolright={}",
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
            var column = 0;
            foreach (var token in code.Lines[i])
            {
                var text = Escape(token.Text, ref column);
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
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append("\\textbackslash{}"); break;
                case '{': sb.Append("\\{"); break;
                case '}': sb.Append("\\}"); break;
                case '\t':
                    var spaces = 4 - column % 4;
                    sb.Append(' ', spaces);
                    column += spaces - 1;
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
            column++;
        }
        return sb.ToString();
    }
}
