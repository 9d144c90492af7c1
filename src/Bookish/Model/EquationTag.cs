using System.Text;
using Bookish.Latex;

namespace Bookish.Model;

/// <summary>
/// An equation's <c>\tag{…}</c> / <c>\tag*{…}</c>: found with balanced braces (<c>\tag{$\mathbf{x}_1$}</c>), and its text as
/// a reader sees it. The argument is LaTeX text with math in it (<c>\tag{$\star$}</c>, <c>\tag{A$'$}</c>); the page and
/// the references print it as Unicode (⋆, A′, 𝐱₁), the PDF keeps the TeX, and both read the same when extracted.
/// </summary>
internal static class EquationTag
{
    /// <summary>One <c>\tag</c> in a TeX string: its extent, whether starred (no parentheses added), its raw argument.</summary>
    internal readonly record struct Found(int Start, int End, bool Star, string Content);

    /// <summary>Every <c>\tag</c> of <paramref name="tex"/>, in order (an unclosed argument ends the search).</summary>
    public static IEnumerable<Found> All(string tex)
    {
        var at = 0;
        while ((at = tex.IndexOf(@"\tag", at, StringComparison.Ordinal)) >= 0)
        {
            var i = at + 4;
            if (i < tex.Length && char.IsAsciiLetter(tex[i])) { at = i; continue; }
            var star = i < tex.Length && tex[i] == '*';
            if (star) i++;
            while (i < tex.Length && char.IsWhiteSpace(tex[i])) i++;
            if (i >= tex.Length || tex[i] != '{') { at = i; continue; }
            var close = Close(tex, i);
            if (close < 0) yield break;
            yield return new Found(at, close + 1, star, tex[(i + 1)..close]);
            at = close + 1;
        }
    }

    /// <summary>The first <c>\tag</c> of <paramref name="tex"/>, if any.</summary>
    public static Found? First(string tex) => All(tex).Select(f => (Found?)f).FirstOrDefault();

    /// <summary><paramref name="tex"/> without its <c>\tag</c> commands.</summary>
    public static string Strip(string tex)
    {
        var sb = new StringBuilder(tex.Length);
        var at = 0;
        foreach (var f in All(tex))
        {
            sb.Append(tex, at, f.Start - at);
            at = f.End;
        }
        return sb.Append(tex, at, tex.Length - at).ToString();
    }

    /// <summary>The index of the brace closing the one at <paramref name="open"/>, or -1.</summary>
    private static int Close(string tex, int open)
    {
        var depth = 0;
        for (var i = open; i < tex.Length; i++)
        {
            if (tex[i] == '\\') { i++; continue; }
            if (tex[i] == '{') depth++;
            else if (tex[i] == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>Whether a tag's argument holds TeX (math or commands) rather than plain characters.</summary>
    public static bool HasTex(string content) => content.IndexOfAny(['$', '\\', '{', '}', '^', '_', '~']) >= 0;

    /// <summary>
    /// The tag's argument as Unicode text: text as written, math as its characters (<c>$\star$</c> → ⋆, <c>'</c> → ′,
    /// <c>\mathbf{x}_1</c> → 𝐱₁, Greek and symbols as themselves). Plain arguments ("3a", "A") come back unchanged.
    /// </summary>
    public static string Text(string content)
    {
        if (!HasTex(content)) return content;
        var sb = new StringBuilder();
        var i = 0;
        while (i < content.Length)
        {
            var (open, close) = content[i] == '$' ? ("$", "$") : string.CompareOrdinal(content, i, @"\(", 0, 2) == 0 ? (@"\(", @"\)") : ("", "");
            if (open.Length > 0)
            {
                var end = content.IndexOf(close, i + open.Length, StringComparison.Ordinal);
                if (end < 0) end = content.Length;
                sb.Append(MathText(content[(i + open.Length)..end]));
                i = Math.Min(content.Length, end + close.Length);
                continue;
            }
            var next = NextMath(content, i);
            sb.Append(PlainText(content[i..next]));
            i = next;
        }
        return sb.ToString().Trim();
    }

    private static int NextMath(string s, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == '$' && i > from) return i;
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                if (s[i + 1] == '(' && i > from) return i;
                if (s[i + 1] == '$') { i++; continue; }
            }
        }
        return s.Length;
    }

    private static readonly Dictionary<string, string> TextCommands = new(StringComparer.Ordinal)
    {
        ["S"] = "§", ["P"] = "¶", ["dag"] = "†", ["ddag"] = "‡", ["textdagger"] = "†", ["textdaggerdbl"] = "‡",
        ["textasteriskcentered"] = "∗", ["textbullet"] = "•", ["$"] = "$", ["%"] = "%", ["&"] = "&", ["#"] = "#", ["_"] = "_",
        [","] = "\u2009", [" "] = " ", ["ldots"] = "…", ["dots"] = "…",
    };

    /// <summary>LaTeX text: braces dropped, <c>~</c> a space, a few symbol commands as their characters, font commands as their argument.</summary>
    private static string PlainText(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '{' or '}') continue;
            if (c == '~') { sb.Append(' '); continue; }
            if (c != '\\' || i + 1 >= s.Length) { sb.Append(c); continue; }
            var start = ++i;
            if (char.IsAsciiLetter(s[i])) { while (i < s.Length && char.IsAsciiLetter(s[i])) i++; }
            else i++;
            var name = s[start..i];
            if (char.IsAsciiLetter(name[0])) while (i < s.Length && s[i] == ' ') i++;
            i--;
            if (TextCommands.TryGetValue(name, out var t)) sb.Append(t);
            else if (name.StartsWith("text", StringComparison.Ordinal) && name.Length > 4 && i + 1 < s.Length && s[i + 1] == '{') { /* \textbf{…}: its argument follows */ }
            else sb.Append(name);
        }
        return sb.ToString();
    }

    /// <summary>Math as its Unicode characters: bold letters and digits as Unicode's mathematical bold, the rest as the PDF outline reads it.</summary>
    internal static string MathText(string tex) =>
        OutlineText.FromMath(System.Text.RegularExpressions.Regex.Replace(Bold(tex), @"\\(ddagger|S|P)(?![A-Za-z])", m => m.Groups[1].Value switch { "ddagger" => "‡", "S" => "§", _ => "¶" }));

    private static readonly string[] BoldCommands = [@"\mathbf", @"\boldsymbol", @"\bm"];

    /// <summary><c>\mathbf{x}</c> (and <c>\boldsymbol</c>, <c>\bm</c>) over letters and digits → 𝐱; anything else is left to the outline text.</summary>
    private static string Bold(string tex)
    {
        foreach (var cmd in BoldCommands)
        {
            var at = 0;
            while ((at = tex.IndexOf(cmd, at, StringComparison.Ordinal)) >= 0)
            {
                var i = at + cmd.Length;
                if (i < tex.Length && char.IsAsciiLetter(tex[i])) { at = i; continue; }
                while (i < tex.Length && tex[i] == ' ') i++;
                string arg; int end;
                if (i < tex.Length && tex[i] == '{')
                {
                    var close = Close(tex, i);
                    if (close < 0) break;
                    arg = tex[(i + 1)..close]; end = close + 1;
                }
                else if (i < tex.Length && char.IsAsciiLetterOrDigit(tex[i])) { arg = tex[i].ToString(); end = i + 1; }
                else { at = i; continue; }
                if (!arg.All(char.IsAsciiLetterOrDigit)) { at = end; continue; }
                var bold = string.Concat(arg.Select(BoldChar));
                tex = tex[..at] + "{" + bold + "}" + tex[end..];
                at += bold.Length + 2;
            }
        }
        return tex;
    }

    private static string BoldChar(char c) => char.ConvertFromUtf32(c switch
    {
        >= 'A' and <= 'Z' => 0x1D400 + (c - 'A'),
        >= 'a' and <= 'z' => 0x1D41A + (c - 'a'),
        _ => 0x1D7CE + (c - '0'),
    });
}
