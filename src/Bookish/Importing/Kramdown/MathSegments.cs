using System.Text;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;

namespace Bookish.Importing.Kramdown;

/// <summary>
/// Finds kramdown's math in a chunk of text: <c>$$…$$</c> pairs outside code spans (a backslash escapes a dollar).
/// Inline ones become Pandoc's <c>$…$</c>; the TeX between the delimiters is copied untouched (only the spaces
/// around it are trimmed). The text between the math goes through <see cref="TextRewriter"/>.
/// </summary>
internal static partial class MathSegments
{
    [GeneratedRegex(@"^\s*\\begin\{(?<env>[a-zA-Z]+\*?)\}")] private static partial Regex EnvironmentStart();

    /// <summary>Whether the text has a <c>$$</c> that is not closed.</summary>
    public static bool OpenDoubleDollar(string text) => Delimiters(text).Count % 2 == 1;

    /// <summary>Whether the text starts a LaTeX environment it does not end.</summary>
    public static bool OpenEnvironment(string text) =>
        EnvironmentStart().Match(text) is { Success: true } m && !text.Contains("\\end{" + m.Groups["env"].Value + "}", StringComparison.Ordinal);

    /// <summary>Whether the whole text is one <c>$$…$$</c> (a display block in kramdown).</summary>
    public static bool IsDisplay(string text)
    {
        var trimmed = text.Trim();
        var delimiters = Delimiters(text);
        return delimiters.Count == 2 && trimmed.StartsWith("$$", StringComparison.Ordinal) && trimmed.EndsWith("$$", StringComparison.Ordinal)
            && delimiters[0] == text.IndexOf("$$", StringComparison.Ordinal) && delimiters[1] == text.LastIndexOf("$$", StringComparison.Ordinal);
    }

    public static bool IsEnvironment(string text) => EnvironmentStart().IsMatch(text);

    /// <summary>Offsets of the <c>$$</c> delimiters outside code spans, escapes skipped.</summary>
    internal static List<int> Delimiters(string text)
    {
        var found = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == '`' && found.Count % 2 == 0)
            {
                var run = 1;
                while (i + run < text.Length && text[i + run] == '`') run++;
                var close = text.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
                i = close < 0 ? i + run - 1 : close + run - 1;
                continue;
            }
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                found.Add(i);
                i++;
            }
        }
        return found;
    }

    /// <summary>The chunk with inline <c>$$…$$</c> as <c>$…$</c> and its text rewritten.</summary>
    public static string Rewrite(string text, int firstLine, KramdownImporter.ImportContext context)
    {
        var delimiters = Delimiters(text);
        var sb = new StringBuilder(text.Length);
        var at = 0;
        for (var k = 0; k + 1 < delimiters.Count; k += 2)
        {
            var open = delimiters[k];
            var close = delimiters[k + 1];
            sb.Append(TextRewriter.Text(text[at..open], firstLine + Lines(text, at), context));
            var tex = text[(open + 2)..close];
            var after = close + 2 < text.Length ? text[close + 2] : ' ';
            sb.Append(Inline(tex, after));
            at = close + 2;
        }
        if (delimiters.Count % 2 == 1)
        {
            var open = delimiters[^1];
            context.Warn(DiagnosticIds.KramdownSyntax, firstLine + Lines(text, open), Column(text, open), "'$$' is not closed in this paragraph: left as it is");
        }
        sb.Append(TextRewriter.Text(text[at..], firstLine + Lines(text, at), context));
        return sb.ToString();
    }

    /// <summary>
    /// Inline math by Pandoc's dollar rule (<c>$x$</c>: no space inside the delimiters, no digit right after), or
    /// <c>\(…\)</c> where that rule would not read it as math (a digit follows, the TeX holds a dollar). Empty math stays text.
    /// </summary>
    internal static string Inline(string tex, char after)
    {
        var trimmed = tex.Trim();
        if (trimmed.Length == 0) return "$$" + tex + "$$";
        return char.IsAsciiDigit(after) || trimmed.Contains('$', StringComparison.Ordinal) || trimmed.EndsWith('\\')
            ? "\\(" + trimmed + "\\)"
            : "$" + trimmed + "$";
    }

    internal static int Lines(string text, int offset) => text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');

    internal static int Column(string text, int offset) => offset - (offset == 0 ? 0 : text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1) + 1;
}
