using System.Text;

namespace Bookish.Latex;

/// <summary>
/// Math in a heading as the PDF outline shows it: the outline (bookmarks) is plain Unicode text, so hyperref drops math
/// unless <c>\texorpdfstring</c> gives it a text form. This writes that form: Greek letters and symbols as their
/// characters (α, ∇, ≤), super- and subscripts as Unicode's small digits and letters where it has them (x², x₁, xᵀ),
/// fonts (<c>\mathbf</c>, <c>\mathcal</c>, …) as their argument, <c>\frac{a}{b}</c> as a/b, and any other command as its
/// letters (<c>\log</c> → log). The result is then escaped for TeX's moving argument.
/// </summary>
internal static class OutlineText
{
    private static readonly Dictionary<string, string> Symbols = BuildSymbols();

    private static Dictionary<string, string> BuildSymbols()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (ch, tex) in LatexEscaper.MathSymbolTable)
            if (tex.StartsWith('\\') && !tex.Contains('{')) d.TryAdd(tex[1..], ch.ToString());
        // Preferred forms where the table lists several characters for one command, and common aliases.
        foreach (var (k, v) in new[]
        {
            ("epsilon", "ε"), ("varepsilon", "ε"), ("phi", "φ"), ("varphi", "φ"), ("cdot", "·"), ("le", "≤"), ("ge", "≥"),
            ("ne", "≠"), ("to", "→"), ("gets", "←"), ("lbrace", "{"), ("rbrace", "}"), ("{", "{"), ("}", "}"), ("ldots", "…"),
            ("cdots", "⋯"), ("dots", "…"), ("prime", "′"), ("omicron", "ο"), ("top", "⊤"), ("intercal", "⊺"), ("dagger", "†"),
            ("neg", "¬"), ("lnot", "¬"), ("land", "∧"), ("lor", "∨"), ("Leftrightarrow", "⇔"), ("iff", "⇔"), ("implies", "⇒"),
            ("circ", "∘"), ("bullet", "•"), ("div", "÷"), ("mid", "∣"), ("vert", "|"), ("Vert", "‖"), ("|", "‖"),
            ("oint", "∮"), ("iint", "∬"), ("hat", ""), (",", " "), (";", " "), (":", " "), ("quad", " "), ("qquad", " "),
            ("!", ""), (" ", " "), ("_", "_"), ("&", "&"), ("%", "%"), ("#", "#"), ("$", "$"), ("Re", "ℜ"), ("Im", "ℑ"),
            ("aleph", "ℵ"), ("emptyset", "∅"), ("varnothing", "∅"), ("sqrt", "√"), ("left", ""), ("right", ""),
            ("big", ""), ("Big", ""), ("bigg", ""), ("Bigg", ""), ("bigl", ""), ("bigr", ""), ("Bigl", ""), ("Bigr", ""),
            ("displaystyle", ""), ("textstyle", ""), ("limits", ""), ("nolimits", ""), ("ensuremath", ""),
        })
            d[k] = v;
        return d;
    }

    private static readonly Dictionary<char, char> Superscripts = Pairs(
        "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWnT",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂⁿᵀ");
    private static readonly Dictionary<char, char> Subscripts = Pairs(
        "0123456789+-=()aehijklmnoprstuvx",
        "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ");

    private static Dictionary<char, char> Pairs(string from, string to)
    {
        var d = new Dictionary<char, char>();
        for (var i = 0; i < from.Length && i < to.Length; i++) d.TryAdd(from[i], to[i]);
        return d;
    }

    /// <summary>The outline's Unicode text for the math <paramref name="tex"/> (no TeX escaping).</summary>
    public static string FromMath(string tex)
    {
        var pos = 0;
        return Collapse(Sequence(tex, ref pos, '\0'));
    }

    /// <summary>The text for <c>\texorpdfstring</c>'s second argument: <see cref="FromMath"/> with TeX's specials escaped.</summary>
    public static string ForPdfString(string tex)
    {
        var sb = new StringBuilder();
        foreach (var c in FromMath(tex))
            sb.Append(c switch
            {
                '\\' => @"\textbackslash{}", '{' => @"\{", '}' => @"\}", '$' => @"\$", '&' => @"\&", '%' => @"\%", '#' => @"\#",
                '_' => @"\_", '~' => @"\textasciitilde{}", '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (c != ' ' || (sb.Length > 0 && sb[^1] != ' ')) sb.Append(c);
        return sb.ToString().Trim();
    }

    /// <summary>Items up to <paramref name="stop"/> (or the end), as text.</summary>
    private static string Sequence(string tex, ref int pos, char stop)
    {
        var sb = new StringBuilder();
        while (pos < tex.Length && tex[pos] != stop)
        {
            var c = tex[pos];
            if (c is '^' or '_')
            {
                pos++;
                var arg = Argument(tex, ref pos);
                sb.Append(Script(arg, c == '^'));
            }
            else if (c == '}') pos++;
            else sb.Append(Item(tex, ref pos));
        }
        if (pos < tex.Length) pos++;
        return sb.ToString();
    }

    /// <summary>One item: a group, a command with its arguments, or a character.</summary>
    private static string Item(string tex, ref int pos)
    {
        var c = tex[pos];
        if (c == '{') { pos++; return Sequence(tex, ref pos, '}'); }
        if (c == '~') { pos++; return " "; }
        if (c == '\'') { pos++; return "′"; }
        if (c != '\\') { pos++; return char.IsWhiteSpace(c) ? " " : c.ToString(); }
        pos++;
        if (pos >= tex.Length) return "";
        var start = pos;
        if (char.IsAsciiLetter(tex[pos])) while (pos < tex.Length && char.IsAsciiLetter(tex[pos])) pos++;
        else pos++;
        var name = tex[start..pos];
        // TeX skips the spaces after a control word; a space is kept after a word or a relation, not after a letter (∂y).
        var spaced = false;
        if (char.IsAsciiLetter(name[0])) while (pos < tex.Length && char.IsWhiteSpace(tex[pos])) { pos++; spaced = true; }
        switch (name)
        {
            case "frac" or "dfrac" or "tfrac":
            {
                var a = Argument(tex, ref pos); var b = Argument(tex, ref pos);
                return $"{Wrap(a)}/{Wrap(b)}";
            }
            case "sqrt":
            {
                SkipOptional(tex, ref pos);
                return "√" + Wrap(Argument(tex, ref pos));
            }
            case "text" or "textrm" or "textit" or "textbf" or "mathrm" or "mathit" or "mathbf" or "mathsf" or "mathtt" or "mathcal"
                or "mathscr" or "mathfrak" or "boldsymbol" or "bm" or "mathbb" or "operatorname" or "mbox" or "vec" or "mathnormal"
                or "hat" or "widehat" or "tilde" or "widetilde" or "bar" or "overline" or "underline" or "dot" or "ddot" or "ensuremath":
            {
                var arg = Argument(tex, ref pos);
                return name switch
                {
                    "mathbb" when arg.Length == 1 && Blackboard(arg[0]) is { } bb => bb,
                    "hat" or "widehat" when arg.Length == 1 => arg + "\u0302",
                    "tilde" or "widetilde" when arg.Length == 1 => arg + "\u0303",
                    "bar" or "overline" when arg.Length == 1 => arg + "\u0304",
                    "dot" when arg.Length == 1 => arg + "\u0307",
                    "ddot" when arg.Length == 1 => arg + "\u0308",
                    "vec" when arg.Length == 1 => arg + "\u20D7",
                    _ => arg,
                };
            }
            case "left" or "right" or "bigl" or "bigr" or "Bigl" or "Bigr" or "big" or "Big":
                if (pos < tex.Length && tex[pos] == '.') pos++;
                return "";
            case "label" or "tag":
                Argument(tex, ref pos);
                return "";
        }
        if (Symbols.TryGetValue(name, out var symbol))
            return spaced && symbol.Length > 0 && !char.IsLetter(symbol[0]) && symbol is not ("∂" or "∇") ? symbol + " " : symbol;
        return spaced ? name + " " : name; // the TeX letters (\log → log)
    }

    private static string? Blackboard(char c) => c switch
    {
        'R' => "ℝ", 'N' => "ℕ", 'Z' => "ℤ", 'Q' => "ℚ", 'C' => "ℂ", 'P' => "ℙ", 'E' => "𝔼", '1' => "𝟙",
        _ => null,
    };

    private static string Wrap(string s)
    {
        s = s.Trim();
        return s.Any(c => c is ' ' or '+' or '-' or '−' or '=' or '/' or '×' or '·' or ',') ? $"({s})" : s;
    }

    private static void SkipOptional(string tex, ref int pos)
    {
        while (pos < tex.Length && tex[pos] == ' ') pos++;
        if (pos >= tex.Length || tex[pos] != '[') return;
        var close = tex.IndexOf(']', pos);
        pos = close < 0 ? tex.Length : close + 1;
    }

    private static string Argument(string tex, ref int pos)
    {
        while (pos < tex.Length && char.IsWhiteSpace(tex[pos])) pos++;
        return pos < tex.Length ? Item(tex, ref pos) : "";
    }

    /// <summary>A script in Unicode's small characters when every character has one, else ^(…) / _(…) .</summary>
    private static string Script(string s, bool up)
    {
        var map = up ? Superscripts : Subscripts;
        s = s.Replace('−', '-').Replace(" ", "");
        if (up && s == "′") return "′";
        if (up && s is "T" or "⊤" or "⊺") return "ᵀ";
        if (s.Length > 0 && s.All(map.ContainsKey)) return string.Concat(s.Select(c => map[c]));
        if (up && s.Length > 0 && s.All(c => c == '′')) return s;
        var mark = up ? "^" : "_";
        return s.Length == 1 ? mark + s : $"{mark}({s})";
    }
}
