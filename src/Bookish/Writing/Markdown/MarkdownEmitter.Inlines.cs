using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Bookish.Model;

namespace Bookish.Writing.Markdown;

internal enum InlineMode { Paragraph, SingleLine, TableCell }

internal sealed partial class MarkdownEmitter
{
    private const string Escaped = "\\`*_[]<>$|{}&";

    [GeneratedRegex(@"^\d+[.)]")] private static partial Regex OrderedMarker();
    [GeneratedRegex(@"^[0-9.,]+\s")] private static partial Regex PriceLike();
    [GeneratedRegex(@"(?<!\\)%[^\n]*")] private static partial Regex TexComment();

    private string Inlines(ImmutableArray<Inline> inlines, InlineMode mode)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < inlines.Length; i++)
        {
            var next = i + 1 < inlines.Length ? inlines[i + 1] : null;
            switch (inlines[i])
            {
                case Str s:
                    AppendText(sb, s.Value);
                    break;
                case Emphasis e:
                {
                    // *(*x*)* would read back as **x**: italics inside italics are just italics.
                    var content = e.Content is [Emphasis inner1] && inner1.Strong == e.Strong ? inner1.Content : e.Content;
                    var inner = Inlines(content, mode == InlineMode.TableCell ? mode : InlineMode.SingleLine);
                    var trimmed = inner.Trim();
                    if (trimmed.Length == 0) { sb.Append(inner); break; }
                    var delimiter = e.Strong ? "**" : "*";
                    if (inner.StartsWith(' ')) sb.Append(' ');
                    sb.Append(delimiter).Append(trimmed).Append(delimiter);
                    if (inner.EndsWith(' ')) sb.Append(' ');
                    break;
                }
                case Code c:
                    sb.Append(CodeSpan(c.Value));
                    break;
                case PythonInline p:
                    sb.Append(CodeSpan("{python} " + p.Expression));
                    break;
                case Link l:
                {
                    sb.Append('[').Append(Inlines(l.Content, mode == InlineMode.TableCell ? mode : InlineMode.SingleLine).Trim()).Append("](").Append(Destination(l.Url));
                    if (l.Title is { Length: > 0 } title) sb.Append(" \"").Append(title.Replace("\"", "\\\"")).Append('"');
                    sb.Append(')');
                    break;
                }
                case Image img:
                    sb.Append("![").Append(EscapeText(img.Alt)).Append("](").Append(Destination(img.Source)).Append(')');
                    break;
                case MathInline m:
                    sb.Append(InlineMath(m.Tex, next));
                    break;
                case Note n:
                    sb.Append(NoteReference(n));
                    break;
                case LineBreak:
                    sb.Append(mode == InlineMode.Paragraph ? "\\\n" : " ");
                    break;
                case SoftBreak:
                    sb.Append(mode == InlineMode.Paragraph ? "\n" : " ");
                    break;
                case CrossRef r:
                    sb.Append(r.Parenthesized ? "\\eqref{" : "\\ref{").Append(r.Label).Append('}');
                    break;
                case Citation c:
                    sb.Append(CitationSyntax(c));
                    break;
                case RawInline { Format: "html" } raw:
                    sb.Append(raw.Text);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends text, escaping Markdown syntax, and what would start a block at the start of a line.</summary>
    private static void AppendText(StringBuilder sb, string text)
    {
        var escaped = EscapeText(text);
        if (sb.Length == 0 || sb[^1] == '\n')
        {
            escaped = escaped.TrimStart(' ', '\t');
            if (escaped.Length > 0 && escaped[0] is '#' or '-' or '+' or '=' or ':' or '~')
                escaped = "\\" + escaped;
            else if (OrderedMarker().Match(escaped) is { Success: true } m)
                escaped = escaped[..(m.Length - 1)] + "\\" + escaped[(m.Length - 1)..];
        }
        sb.Append(escaped);
    }

    private static string EscapeText(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Escaped.Contains(c)) sb.Append('\\');
            sb.Append(c == '\n' ? ' ' : c);
        }
        return sb.ToString();
    }

    private static string CodeSpan(string code)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = System.Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = code.StartsWith('`') || code.EndsWith('`') || (code.StartsWith(' ') && code.EndsWith(' ') && code.Trim().Length > 0) ? " " : "";
        return fence + pad + code + pad + fence;
    }

    private static string Destination(string url)
    {
        if (url.Length == 0) return "<>";
        if (url.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>'))
            return "<" + url.Replace("<", "%3C").Replace(">", "%3E").Replace("\n", "%0A") + ">";
        return url;
    }

    /// <summary><c>$…$</c> when the Markdown reader reads it back as math, else <c>\(…\)</c>. Inline math stays on one line.</summary>
    private static string InlineMath(string tex, Inline? next)
    {
        if (tex.Contains('\n'))
            tex = string.Join(" ", tex.Split('\n').Select(line => TexComment().Replace(line, "").Trim()).Where(l => l.Length > 0));
        tex = tex.Trim();
        var dollar = tex.Length > 0 && !tex.Contains('$') && !tex.EndsWith('\\') && !PriceLike().IsMatch(tex)
            && !(next is Str s && s.Value.Length > 0 && char.IsDigit(s.Value[0]));
        if (dollar) return "$" + tex + "$";
        // \) right after a backslash would not close: keep them apart (TeX ignores the space).
        return "\\(" + tex + (tex.EndsWith('\\') ? " " : "") + "\\)";
    }
}
