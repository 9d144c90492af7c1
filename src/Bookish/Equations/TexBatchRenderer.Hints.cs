using System.Text.RegularExpressions;

namespace Bookish.Equations;

/// <summary>
/// One line of advice when TeX rejects what MathJax accepts. TeX's words stay first; the hint says what to write instead.
/// </summary>
internal sealed partial class TexBatchRenderer
{
    [GeneratedRegex(@"\n[ \t]*\n")] private static partial Regex BlankLine();
    [GeneratedRegex(@"[\^_]\s*\\(vec|hat|bar|tilde|dot|ddot|mathbf|mathrm|mathit|mathcal|mathbb|boldsymbol|bm|frac|sqrt|overline|underline|widehat|widetilde|operatorname|text|mathsf|mathtt|mathscr|mathfrak)\b")] private static partial Regex ScriptCommand();
    [GeneratedRegex(@"\\(text|textrm|textit|textbf|mbox|textsf|texttt)\s*\{[^{}$]*(?<!\\)[_^][^{}]*\}")] private static partial Regex ScriptInText();

    [GeneratedRegex(@"\\(color|textcolor|colorbox)\s*\{\s*#([0-9A-Fa-f]{6})\s*\}")] private static partial Regex CssColour();

    /// <summary>What to write instead, for the constructs MathJax accepts and TeX does not; null when none applies.</summary>
    internal static string? MathJaxHint(string tex)
    {
        if (CssColour().Match(tex) is { Success: true } c)
            return $"hint: TeX reads '#' as a macro parameter (MathJax takes CSS colours): write \\{c.Groups[1].Value}[HTML]{{{c.Groups[2].Value.ToUpperInvariant()}}}";
        if (BlankLine().IsMatch(tex))
            return "hint: a blank line ends a paragraph in TeX, which math cannot span (MathJax ignores it): remove the blank lines inside the equation";
        if (ScriptCommand().Match(tex) is { Success: true } m)
            return $"hint: TeX takes one token after ^ or _ (MathJax takes the whole command): write {m.Value[0]}{{{m.Value[1..].Trim()}{{…}}}} with braces around the command and its argument";
        if (ScriptInText().Match(tex) is { Success: true } t)
            return $"hint: '_' and '^' are math inside \\{t.Groups[1].Value}{{…}}: write \\_ for an underscore, or put the subscript outside the text ($\\text{{a}}_{{b}}$)";
        return null;
    }
}
