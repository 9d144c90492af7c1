using System.Collections.Frozen;

namespace Bookish.Notation;

/// <summary>
/// Finds function and operator names set as italic letters in math (<c>max(x)</c>, <c>diag(\mathbf{x})</c>, <c>tr A</c>)
/// and words used as functions (<c>activation(</c>). Only plain math counts: never inside <c>\mathbf{…}</c>,
/// <c>\text{…}</c>, <c>\operatorname{…}</c>, <c>\mathrm{…}</c>, environment names or after a backslash. Products of
/// single-letter variables (<c>xy</c>) are never flagged: only known names, or three letters or more followed by <c>(</c>.
/// </summary>
internal static class ItalicOperators
{
    /// <summary>Names LaTeX defines as operators: the fix is the command itself.</summary>
    private static readonly FrozenSet<string> Builtin = TexCommands.Words(
        "arccos arcsin arctan cos cosh cot coth csc det dim exp gcd inf ker lim liminf limsup ln log max min sec sin sinh sup tan tanh")
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Names without a LaTeX command: the fix is <c>\operatorname{…}</c>.</summary>
    private static readonly FrozenSet<string> Named = TexCommands.Words(
        "diag tr Tr trace rank sgn sign softmax argmax argmin Var Cov erf")
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> BigOperators = TexCommands.Words("sum prod").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Operators often glued to their argument (<c>sinx</c>, <c>trA</c>) and the letters accepted after them.</summary>
    private static readonly (string Op, Func<char, bool> Next)[] Glued =
    [
        ("sin", c => "xyzuvw".Contains(c)), ("cos", c => "xyzuvw".Contains(c)), ("tan", c => "xyzuvw".Contains(c)),
        ("ln", c => "xyzuvw".Contains(c)), ("log", c => "xyzuvw".Contains(c)), ("exp", c => "xyzuvw".Contains(c)),
        ("tr", char.IsAsciiLetterUpper), ("det", char.IsAsciiLetterUpper), ("diag", char.IsAsciiLetterUpper),
    ];

    public static bool IsOperatorName(string word) => Builtin.Contains(word) || Named.Contains(word) || BigOperators.Contains(word);

    public static string Fix(string word) =>
        Builtin.Contains(word) || BigOperators.Contains(word) ? "\\" + word
        : word is "argmax" or "argmin" ? $"\\operatorname*{{{word}}}"
        : $"\\operatorname{{{word}}}";

    public static List<TexFinding> Find(string tex) => Find(TexTokenizer.Tokenize(tex));

    internal static List<TexFinding> Find(List<TexToken> tokens)
    {
        var found = new List<TexFinding>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TexTokenKind.Letters || t.Context != TexContext.Math || t.Text.Length < 2) continue;
            var word = t.Text;
            var call = FollowedByParenthesis(tokens, i);
            var label = IsWholeScript(tokens, i);
            if (IsOperatorName(word))
            {
                var fix = label ? $"\\mathrm{{{word}}}" : Fix(word);
                found.Add(new TexFinding(t.Start, t.End, word, fix,
                    label ? $"'{word}' in a subscript or superscript is set in italics; write it upright: {fix}"
                          : $"operator name '{word}' is set as italic letters; write {fix}"));
                continue;
            }
            if (Glued.FirstOrDefault(g => word.Length == g.Op.Length + 1 && word.StartsWith(g.Op, StringComparison.Ordinal) && g.Next(word[^1])) is { Op: not null } glued)
            {
                var fix = Fix(glued.Op) + " " + word[^1];
                found.Add(new TexFinding(t.Start, t.End, word, fix, $"operator name '{glued.Op}' is set as italic letters; write {fix}"));
                continue;
            }
            if (!call) continue;
            // xcos(…): a short variable glued to an operator
            var suffix = Enumerable.Range(1, Math.Min(2, word.Length - 2)).Select(k => word[k..]).FirstOrDefault(IsOperatorName);
            if (suffix is not null)
            {
                var start = t.Start + word.Length - suffix.Length;
                found.Add(new TexFinding(start, t.End, suffix, Fix(suffix), $"operator name '{suffix}' is set as italic letters; write {Fix(suffix)}"));
                continue;
            }
            if (word.Length >= 3)
            {
                var fix = $"\\text{{{word}}}";
                found.Add(new TexFinding(t.Start, t.End, word, fix, $"function name '{word}' is set as italic letters (a product of {word.Length} variables); write {fix} or \\operatorname{{{word}}}"));
            }
        }
        return found;
    }

    private static bool FollowedByParenthesis(List<TexToken> tokens, int i)
    {
        for (var j = i + 1; j < tokens.Count; j++)
        {
            var t = tokens[j];
            if (t.Kind == TexTokenKind.Space) continue;
            if (t.Is(TexTokenKind.Char, "(")) return true;
            if (t.Kind == TexTokenKind.Command && t.Text is @"\left" or @"\bigl" or @"\Bigl" or @"\biggl" or @"\Biggl" or @"\big" or @"\Big") continue;
            return false;
        }
        return false;
    }

    /// <summary>True for <c>x_{max}</c>: the word is the whole braced subscript or superscript.</summary>
    private static bool IsWholeScript(List<TexToken> tokens, int i) =>
        i >= 2 && tokens[i - 1].Kind == TexTokenKind.Open && tokens[i - 2].Text is "_" or "^"
        && i + 1 < tokens.Count && tokens[i + 1].Kind == TexTokenKind.Close;
}
