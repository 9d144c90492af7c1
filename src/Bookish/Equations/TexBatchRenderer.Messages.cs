using System.Text.RegularExpressions;
using Bookish.Text;

namespace Bookish.Equations;

/// <summary>
/// TeX's words as the author can act on them: Bookish's own wrappers (<c>\setbox\bkbox</c>, <c>\bkgrab</c>, the batch
/// file's line numbers, its <c>\begin{document}</c>) never show, and an unbalanced brace is pointed at where its group opened.
/// </summary>
internal sealed partial class TexBatchRenderer
{
    /// <summary>The message with the wrapper's traces removed.</summary>
    internal static string ForAuthor(string message)
    {
        var text = EndedByDocument().Replace(message, m => $"\\end{{{m.Groups[1].Value}}} has no matching \\begin{{{m.Groups[1].Value}}}");
        text = DocumentEndedBy().Replace(text, m => $"\\begin{{{m.Groups[1].Value}}} is never ended");
        text = InputLine().Replace(text, "");
        text = WrapperToken().Replace(text, "");
        return MultipleSpaces().Replace(text, " ").Trim();
    }

    /// <summary>
    /// When the fragment's braces do not balance, the place of the first brace without a partner (the line where
    /// the unclosed group opened, or the stray '}'); otherwise <paramref name="span"/>. The body of a display block
    /// starts on the line after its opening delimiter when the delimiters stand on lines of their own.
    /// </summary>
    internal static SourceSpan AtBrace(SourceSpan span, string tex)
    {
        if (span.IsNone || UnbalancedBrace(tex) is not { } at) return span;
        var bodyLines = tex.Count(c => c == '\n') + 1;
        var blockLines = span.EndLine - span.Line + 1;
        var first = span.Line + (blockLines > bodyLines ? 1 : 0);
        var lineOffset = tex.AsSpan(0, at).Count('\n');
        var lineStart = tex.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        if (lineOffset == 0 && first == span.Line) return span;
        var line = first + lineOffset;
        var column = at - (lineOffset == 0 ? 0 : lineStart) + 1;
        return new SourceSpan(span.Path, line, column, line, column);
    }

    /// <summary>The index of the first unmatched '{' (or the first '}' that closes nothing), ignoring escaped braces and comments.</summary>
    internal static int? UnbalancedBrace(string tex)
    {
        var open = new Stack<int>();
        for (var i = 0; i < tex.Length; i++)
        {
            switch (tex[i])
            {
                case '\\': i++; break;
                case '%': while (i < tex.Length && tex[i] != '\n') i++; break;
                case '{': open.Push(i); break;
                case '}':
                    if (open.Count == 0) return i;
                    open.Pop();
                    break;
            }
        }
        return open.Count == 0 ? null : open.Last();
    }

    [GeneratedRegex(@"\\begin\{document\} ended by \\end\{([^}]*)\}")] private static partial Regex EndedByDocument();
    [GeneratedRegex(@"\\begin\{([^}]*)\} on input line \d+ ended by \\end\{document\}")] private static partial Regex DocumentEndedBy();
    [GeneratedRegex(@" on input line \d+")] private static partial Regex InputLine();
    [GeneratedRegex(@"\\setbox\\bk[A-Za-z@]*|\\bk[A-Za-z@]*|\\typeout\{BK[BM]:[^}]*\}|BK[BM]:[a-z]+:\d+")] private static partial Regex WrapperToken();
    [GeneratedRegex(@"[ \t]{2,}")] private static partial Regex MultipleSpaces();
}
