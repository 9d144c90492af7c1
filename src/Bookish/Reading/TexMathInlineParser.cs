using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bookish.Reading;

/// <summary>A LaTeX-style reference in prose: <c>\eqref{eq:x}</c> or <c>\ref{sec:x}</c>.</summary>
internal sealed class TexRefSyntax : LeafInline
{
    public string Label { get; set; } = "";
    public bool Parenthesized { get; set; }
}

internal sealed class TexMathInlineSyntax : LeafInline
{
    public string Tex { get; set; } = "";
    public bool Display { get; set; }
}

/// <summary>A <c>$</c> left as text although what follows it looks like TeX: the reader warns at its position.</summary>
internal sealed class MathLikeTextSyntax : LiteralInline
{
    public string Suspect { get; set; } = "";
}

/// <summary>
/// Inline math: <c>$…$</c>, <c>$$…$$</c> within a line, and <c>\(…\)</c>, by Pandoc's rule: an opening <c>$</c> has a
/// non-space character right after it; a closing <c>$</c> has a non-space character right before it and no digit right
/// after it (so <c>$1 - p$</c> is math and <c>costs $5 and $6</c> is not). A <c>$</c> left as text before something that
/// looks like TeX becomes a <see cref="MathLikeTextSyntax"/>, so the author is told.
/// </summary>
internal sealed partial class TexMathInlineParser : InlineParser
{
    public TexMathInlineParser() => OpeningCharacters = ['$', '\\'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var end = slice.End;
        string closer;
        int bodyStart;
        var display = false;
        if (text[start] == '\\' && TryReference(processor, ref slice)) return true;
        if (text[start] == '\\')
        {
            if (start + 1 > end || text[start + 1] != '(') return false;
            closer = @"\)"; bodyStart = start + 2;
        }
        else if (start + 1 <= end && text[start + 1] == '$')
        {
            closer = "$$"; bodyStart = start + 2; display = true;
        }
        else
        {
            if (start + 1 > end || char.IsWhiteSpace(text[start + 1])) return LeftAsText(processor, ref slice);
            closer = "$"; bodyStart = start + 1;
        }

        var close = FindCloser(text, bodyStart, end, closer);
        if (close < 0 && closer != @"\)" && Unterminated(text, start, bodyStart, end))
        {
            var opener = closer;
            Emit(processor, ref slice, new Syntax.UnterminatedDollarSyntax { Content = new StringSlice(opener), Opener = opener }, start, start + opener.Length - 1);
            return true;
        }
        if (close < 0) return closer == "$" && LeftAsText(processor, ref slice);
        var tex = text.Substring(bodyStart, close - bodyStart);
        Emit(processor, ref slice, new TexMathInlineSyntax { Tex = tex, Display = display }, start, close + closer.Length - 1);
        return true;
    }

    /// <summary>Places <paramref name="node"/> with its source position (start to last, inclusive) and consumes it.</summary>
    private static void Emit(InlineProcessor processor, ref StringSlice slice, LeafInline node, int start, int last)
    {
        var absStart = processor.GetSourcePosition(start, out var line, out var column);
        node.Line = line;
        node.Column = column;
        node.Span = new SourceSpan(absStart, processor.GetSourcePosition(last));
        processor.Inline = node;
        slice.Start = last + 1;
    }

    private static bool TryReference(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        foreach (var (command, parens) in new[] { (@"\eqref{", true), (@"\ref{", false), (@"\autoref{", false) })
        {
            if (string.CompareOrdinal(text, start, command, 0, command.Length) != 0) continue;
            var close = text.IndexOf('}', start + command.Length);
            if (close < 0 || close > slice.End) return false;
            var label = text.Substring(start + command.Length, close - start - command.Length).Trim();
            Emit(processor, ref slice, new TexRefSyntax { Label = label, Parenthesized = parens }, start, close);
            return true;
        }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\[A-Za-z]+|[\^_]\{")] private static partial System.Text.RegularExpressions.Regex TexLike();

    /// <summary>
    /// A single <c>$</c> that opens no math. When the text up to the next <c>$</c> (or the end of the paragraph) holds
    /// TeX commands, the <c>$</c> becomes a node the reader warns about; otherwise (a price) Markdig keeps it as text.
    /// </summary>
    private static bool LeftAsText(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var next = text.IndexOf('$', start + 1, slice.End - start);
        var stretch = text.Substring(start + 1, (next < 0 ? slice.End + 1 : next) - start - 1);
        if (!TexLike().IsMatch(stretch)) return false;
        Emit(processor, ref slice, new MathLikeTextSyntax { Content = new StringSlice("$"), Suspect = "$" + stretch + (next < 0 ? "" : "$") }, start, start);
        return true;
    }

    /// <summary>
    /// A <c>$</c> (or <c>$$</c>) that would open math, with no <c>$</c> at all after it in the paragraph: the author
    /// forgot to close it. A digit after a single <c>$</c> is a price (<c>costs $5</c>), never reported.
    /// </summary>
    private static bool Unterminated(string text, int start, int bodyStart, int end)
    {
        if (bodyStart > end || (bodyStart == start + 1 && char.IsDigit(text[bodyStart]))) return false;
        for (var i = bodyStart; i <= end; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '$') return false;
        }
        return true;
    }

    private static int FindCloser(string text, int i, int end, string closer)
    {
        for (; i <= end; i++)
        {
            var c = text[i];
            if (c == '\\' && closer != @"\)") { i++; continue; }
            if (string.CompareOrdinal(text, i, closer, 0, closer.Length) != 0 || i + closer.Length - 1 > end) continue;
            if (closer == "$")
            {
                // A '$' after a space cannot close; when it could open math instead ('but $x$'), the first '$' was
                // not math at all ('a price such as $5 per coffee, but $x$ is').
                if (char.IsWhiteSpace(text[i - 1]))
                {
                    if (i + 1 <= end && !char.IsWhiteSpace(text[i + 1])) return -1;
                    continue;
                }
                if (i + 1 <= end && char.IsDigit(text[i + 1])) continue;
            }
            if (closer == @"\)" && i > 0 && text[i - 1] == '\\') continue;
            return i;
        }
        return -1;
    }
}
