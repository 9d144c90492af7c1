using System.Text;

namespace Bookish.Checks.Parity;

/// <summary>
/// Turns a word as printed into the key both sides are compared by: Unicode compatibility form (ligatures ﬁ ﬂ ﬀ ﬃ ﬄ
/// split, no-break spaces made spaces), one kind of quote and dash, no hyphens (so a word split at a PDF line end and
/// a compound broken after its hyphen both compare equal), no punctuation at either end.
/// </summary>
internal static class WordNormalizer
{
    public static string Clean(string text)
    {
        var s = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4': sb.Append('\''); break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB': sb.Append('"'); break;
                // A soft hyphen is where TeX (or &shy;) may break a word: kept as a hyphen so a PDF line end can be joined.
                case '\u00AD' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' or '\uFF0D': sb.Append('-'); break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF': break;
                case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u2002' or '\u2003': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The comparison key of one cleaned word; empty when the word is only punctuation.</summary>
    public static string Key(string cleaned)
    {
        var start = 0;
        var end = cleaned.Length;
        while (start < end && !Significant(cleaned[start])) start++;
        while (end > start && !Significant(cleaned[end - 1])) end--;
        if (start == end) return "";
        // "(3.1)" is an equation's number or a reference to it, "3.1" a section's: they keep their parentheses so the
        // prose diff cannot pair a heading's "3.1" with an equation's "(3.1)" (the number would then count as prose).
        if (start > 0 && end < cleaned.Length && cleaned[start - 1] == '(' && cleaned[end] == ')'
            && IsEquationNumber(cleaned[(start - 1)..(end + 1)]))
        {
            start--;
            end++;
        }
        var sb = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
            if (cleaned[i] != '-') sb.Append(cleaned[i]);
        return sb.ToString();
    }

    /// <summary>Letters, digits and mathematical symbols (×, ≤, →, ∞) count in a key; punctuation at a word's ends does not.</summary>
    private static bool Significant(char c) => char.IsLetterOrDigit(c) || IsMathSymbol(c);

    /// <summary>A character a PDF typesets in a math font when it stands in prose: Greek letters, letterlike symbols (ℝ), math symbols.</summary>
    public static bool IsMathSymbol(char c) =>
        c is (>= '\u0391' and <= '\u03FF') or (>= '\u2100' and <= '\u214F') or (>= '\u2190' and <= '\u22FF') or (>= '\u27C0' and <= '\u2AFF')
        || (c > '\u007F' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.MathSymbol);

    /// <summary>Greek letters in one form: TeX's <c>\epsilon</c> is the lunate ϵ where an author types ε (also ϑ, ϕ, ϱ, ϖ, ς).</summary>
    public static string FoldGreek(string s)
    {
        if (!s.Any(c => c is '\u03F5' or '\u03D1' or '\u03D5' or '\u03F1' or '\u03D6' or '\u03C2')) return s;
        return s.Replace('\u03F5', '\u03B5').Replace('\u03D1', '\u03B8').Replace('\u03D5', '\u03C6').Replace('\u03F1', '\u03C1').Replace('\u03D6', '\u03C0').Replace('\u03C2', '\u03C3');
    }

    /// <summary>Letters without their accents: a PDF may set ŷ as a y and a separate circumflex.</summary>
    public static string Bare(string s) =>
        new(s.Normalize(NormalizationForm.FormD).Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());

    public static bool HasLetter(string key)
    {
        foreach (var c in key) if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary>Words of a TeX fragment a PDF may print as text: command names (\sin, \max), \text{…} and \operatorname{…} arguments.</summary>
    public static IEnumerable<string> TexWords(string tex)
    {
        var word = new StringBuilder();
        foreach (var c in tex)
        {
            if (char.IsLetter(c)) { word.Append(c); continue; }
            if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
        }
        if (word.Length > 0) yield return word.ToString();
    }

    public static bool IsEquationNumber(string cleaned) =>
        cleaned.Length >= 3 && cleaned[0] == '(' && cleaned[^1] == ')' && char.IsDigit(cleaned[1])
        && cleaned[1..^1].All(c => char.IsDigit(c) || c == '.' || char.IsLower(c));
}
