using System.Text;
using Bookish.Toolchain;

namespace Bookish.Latex;

/// <summary>
/// A title given as front matter text (a part's name, a chapter's <c>title:</c>) with math in it, by Pandoc's rule for
/// <c>$</c>: the math is typeset in the PDF's heading and given its Unicode text for the outline (bookmarks), as the
/// headings' own math is (<see cref="OutlineText"/>); the rest is escaped text.
/// </summary>
internal sealed partial class LatexWriter
{
    internal static string TitleText(string title)
    {
        var sb = new StringBuilder();
        var at = 0;
        for (var i = 0; i < title.Length; i++)
        {
            if (title[i] == '\\' ) { i++; continue; }
            if (title[i] != '$' || i + 1 >= title.Length || char.IsWhiteSpace(title[i + 1]) || title[i + 1] == '$') continue;
            var close = ClosingDollar(title, i + 1);
            if (close < 0) break;
            var tex = title[(i + 1)..close];
            // Only math that may reach TeX is typeset; anything else stays the text it is.
            if (Containment.FindForbidden(tex) is not null) { i = close; continue; }
            sb.Append(LatexEscaper.Escape(title[at..i]));
            sb.Append($"\\texorpdfstring{{${tex}$}}{{{OutlineText.ForPdfString(tex)}}}");
            at = close + 1;
            i = close;
        }
        return sb.Append(LatexEscaper.Escape(title[at..])).ToString();
    }

    /// <summary>A closing <c>$</c>: a non-space before it, no digit after it, braces balanced since <paramref name="from"/>.</summary>
    private static int ClosingDollar(string s, int from)
    {
        var depth = 0;
        for (var j = from; j < s.Length; j++)
        {
            var c = s[j];
            if (c == '\\') { j++; continue; }
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == '$' && depth == 0 && !char.IsWhiteSpace(s[j - 1]) && !(j + 1 < s.Length && char.IsAsciiDigit(s[j + 1]))) return j;
        }
        return -1;
    }
}
