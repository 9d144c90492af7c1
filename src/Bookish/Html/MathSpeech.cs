using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Html;

/// <summary>
/// A speakable English reading of an equation's TeX, for its accessible name: the author's own macros (from the
/// preamble that TeX also sees: <c>\newcommand</c>, <c>\renewcommand</c>, <c>\def</c>, <c>\DeclareMathOperator</c>)
/// are expanded first, so a screen reader hears "bold 1 transpose bold p equals 1", not <c>\vone^T \vp = 1</c>.
/// Built once per document from the preamble, then pure and thread-safe.
/// </summary>
internal sealed partial class MathSpeech
{
    private readonly Dictionary<string, (int Arity, string Body)> _macros;

    public MathSpeech(string preamble) => _macros = ReadMacros(preamble);

    /// <summary>The author's macros read from the preamble: name (without backslash) to arity and body.</summary>
    internal IReadOnlyDictionary<string, (int Arity, string Body)> Macros => _macros;

    [GeneratedRegex(@"\\(?:re|provide)?newcommand\*?\s*\{?\\([A-Za-z]+)\}?\s*(?:\[(\d)\])?\s*(?:\[[^\]]*\])?\s*\{")] private static partial Regex NewCommand();
    [GeneratedRegex(@"\\def\s*\\([A-Za-z]+)\s*\{")] private static partial Regex Def();
    [GeneratedRegex(@"\\DeclareMathOperator\*?\s*\{\\([A-Za-z]+)\}\s*\{")] private static partial Regex Operator();

    private static Dictionary<string, (int, string)> ReadMacros(string preamble)
    {
        var macros = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        void Add(Regex r, Func<Match, int> arity, Func<string, string> wrap)
        {
            foreach (Match m in r.Matches(preamble))
            {
                var open = m.Index + m.Length - 1;
                var close = MatchingBrace(preamble, open);
                if (close < 0) continue;
                macros[m.Groups[1].Value] = (arity(m), wrap(preamble[(open + 1)..close]));
            }
        }
        Add(NewCommand(), m => m.Groups[2].Success ? m.Groups[2].Value[0] - '0' : 0, b => b);
        Add(Def(), _ => 0, b => b);
        Add(Operator(), _ => 0, b => "\\operatorname{" + b + "}");
        return macros;
    }

    private static int MatchingBrace(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (s[i] == '{') depth++;
            else if (s[i] == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The TeX with the author's macros expanded (bounded, so a recursive macro cannot hang the build).</summary>
    public string Expand(string tex)
    {
        for (var round = 0; round < 8; round++)
        {
            var changed = false;
            var sb = new StringBuilder(tex.Length);
            var i = 0;
            while (i < tex.Length)
            {
                if (tex[i] == '\\' && i + 1 < tex.Length && char.IsAsciiLetter(tex[i + 1]))
                {
                    var j = i + 1;
                    while (j < tex.Length && char.IsAsciiLetter(tex[j])) j++;
                    var name = tex[(i + 1)..j];
                    if (_macros.TryGetValue(name, out var macro))
                    {
                        var args = new List<string>();
                        var k = j;
                        for (var a = 0; a < macro.Arity; a++)
                        {
                            while (k < tex.Length && char.IsWhiteSpace(tex[k])) k++;
                            if (k >= tex.Length) break;
                            if (tex[k] == '{' && MatchingBrace(tex, k) is var close and > 0) { args.Add(tex[(k + 1)..close]); k = close + 1; }
                            else if (tex[k] == '\\') { var e = k + 1; while (e < tex.Length && char.IsAsciiLetter(tex[e])) e++; if (e == k + 1) e++; args.Add(tex[k..e]); k = e; }
                            else { args.Add(tex[k].ToString()); k++; }
                        }
                        var body = macro.Body;
                        for (var a = 0; a < args.Count; a++) body = body.Replace("#" + (a + 1), args[a]);
                        sb.Append('{').Append(body).Append('}');
                        i = k;
                        changed = true;
                        continue;
                    }
                    sb.Append(tex, i, j - i);
                    i = j;
                    continue;
                }
                sb.Append(tex[i]);
                i++;
            }
            tex = sb.ToString();
            if (!changed) break;
        }
        return tex;
    }

    /// <summary>The spoken form: macros expanded, then read as words ("a over b", "x sub i squared").</summary>
    public string Speak(string tex)
    {
        var reader = new Reader(Expand(tex));
        var words = reader.Sequence(stopAtBrace: false);
        return Regex.Replace(words, @"\s+", " ").Trim();
    }

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["partial"] = "partial", ["nabla"] = "nabla", ["infty"] = "infinity", ["sum"] = "sum", ["prod"] = "product",
        ["int"] = "integral", ["oint"] = "contour integral", ["cdot"] = "times", ["times"] = "times", ["div"] = "divided by",
        ["le"] = "less than or equal to", ["leq"] = "less than or equal to", ["ge"] = "greater than or equal to",
        ["geq"] = "greater than or equal to", ["ne"] = "not equal to", ["neq"] = "not equal to", ["approx"] = "approximately equal to",
        ["equiv"] = "is equivalent to", ["sim"] = "similar to", ["propto"] = "proportional to", ["in"] = "in", ["notin"] = "not in",
        ["subset"] = "subset of", ["subseteq"] = "subset of or equal to", ["cup"] = "union", ["cap"] = "intersection",
        ["to"] = "to", ["rightarrow"] = "right arrow", ["leftarrow"] = "left arrow", ["Rightarrow"] = "implies",
        ["Leftrightarrow"] = "if and only if", ["iff"] = "if and only if", ["implies"] = "implies", ["mapsto"] = "maps to",
        ["pm"] = "plus or minus", ["mp"] = "minus or plus", ["odot"] = "element-wise times", ["otimes"] = "tensor product",
        ["oplus"] = "direct sum", ["oslash"] = "element-wise divided by", ["circ"] = "composed with", ["ldots"] = "dot dot dot",
        ["cdots"] = "dot dot dot", ["dots"] = "dot dot dot", ["vdots"] = "vertical dots", ["ddots"] = "diagonal dots",
        ["forall"] = "for all", ["exists"] = "there exists", ["neg"] = "not", ["land"] = "and", ["lor"] = "or", ["wedge"] = "wedge",
        ["vee"] = "vee", ["top"] = "transpose", ["prime"] = "prime", ["ell"] = "ell", ["emptyset"] = "empty set",
        ["langle"] = "left angle bracket", ["rangle"] = "right angle bracket", ["lVert"] = "norm", ["rVert"] = "norm",
        ["Vert"] = "norm", ["|"] = "norm", ["vert"] = "vertical bar", ["lvert"] = "vertical bar", ["rvert"] = "vertical bar",
        ["mid"] = "such that", ["ll"] = "much less than", ["gg"] = "much greater than", ["star"] = "star", ["ast"] = "star",
        ["{"] = "left brace", ["}"] = "right brace", ["%"] = "percent", ["$"] = "dollar", ["&"] = "and", ["#"] = "number",
        ["lfloor"] = "floor", ["rfloor"] = "end floor", ["lceil"] = "ceiling", ["rceil"] = "end ceiling", ["hbar"] = "h bar",
        ["perp"] = "perpendicular to", ["parallel"] = "parallel to", ["angle"] = "angle", ["triangleq"] = "is defined as",
        ["coloneqq"] = "is defined as", ["ldotp"] = "dot", ["colon"] = "colon", ["setminus"] = "minus",
    };

    private static readonly HashSet<string> Greek = new(StringComparer.Ordinal)
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa", "lambda",
        "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi", "varphi", "chi", "psi",
        "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    };

    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal)
    {
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "displaystyle",
        "textstyle", "scriptstyle", "limits", "nolimits", "quad", "qquad", ",", ";", ":", "!", " ", "label", "nonumber", "notag",
        "tag", "middle", "mathstrut", "strut", "phantom", "hphantom", "vphantom", "allowbreak", "nobreak", "hfill", "hspace",
        "vspace", "kern", "mkern", "mathord", "mathop", "mathrel", "mathbin", "color", "textcolor",
    };

    private static readonly Dictionary<string, string> Fonts = new(StringComparer.Ordinal)
    {
        ["mathbf"] = "bold", ["boldsymbol"] = "bold", ["bm"] = "bold", ["pmb"] = "bold", ["mathbb"] = "double-struck",
        ["mathcal"] = "script", ["mathscr"] = "script", ["mathfrak"] = "fraktur", ["vec"] = "vector", ["overrightarrow"] = "vector",
    };

    private static readonly Dictionary<string, string> Accents = new(StringComparer.Ordinal)
    {
        ["hat"] = "hat", ["widehat"] = "hat", ["bar"] = "bar", ["overline"] = "bar", ["tilde"] = "tilde", ["widetilde"] = "tilde",
        ["dot"] = "dot", ["ddot"] = "double dot", ["underline"] = "underlined",
    };

    private static readonly Dictionary<char, string> Symbols = new()
    {
        ['+'] = "plus", ['-'] = "minus", ['='] = "equals", ['<'] = "less than", ['>'] = "greater than", ['/'] = "over",
        ['('] = "left paren", [')'] = "right paren", ['['] = "left bracket", [']'] = "right bracket", ['|'] = "vertical bar",
        [','] = "comma", ['!'] = "factorial", ['\''] = "prime", ['.'] = "point", [':'] = "colon", [';'] = "semicolon",
        ['*'] = "star", ['~'] = " ",
    };

    /// <summary>A recursive-descent reader over the TeX text, producing words.</summary>
    private sealed class Reader(string tex)
    {
        private int _i;

        private void SkipSpace() { while (_i < tex.Length && char.IsWhiteSpace(tex[_i])) _i++; }

        public string Sequence(bool stopAtBrace)
        {
            var sb = new StringBuilder();
            while (true)
            {
                SkipSpace();
                if (_i >= tex.Length) break;
                if (tex[_i] == '}') { if (stopAtBrace) { _i++; break; } _i++; continue; }
                if (tex.AsSpan(_i).StartsWith("\\end")) break;
                sb.Append(' ').Append(Atom(withScripts: true));
            }
            return sb.ToString();
        }

        private string Name()
        {
            var start = ++_i;
            if (_i < tex.Length && char.IsAsciiLetter(tex[_i])) { while (_i < tex.Length && char.IsAsciiLetter(tex[_i])) _i++; }
            else if (_i < tex.Length) _i++;
            return tex[start.._i];
        }

        private string Group()
        {
            SkipSpace();
            if (_i >= tex.Length) return "";
            if (tex[_i] == '{') { _i++; return Sequence(stopAtBrace: true); }
            return Atom(withScripts: false);
        }

        private string RawGroup()
        {
            SkipSpace();
            if (_i < tex.Length && tex[_i] == '{' && MatchingBrace(tex, _i) is var close and > 0)
            {
                var s = tex[(_i + 1)..close];
                _i = close + 1;
                return s;
            }
            return _i < tex.Length ? tex[_i++].ToString() : "";
        }

        private static bool Simple(string words) => words.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 1;

        private string Atom(bool withScripts)
        {
            var core = Core();
            if (!withScripts) return core;
            while (true)
            {
                SkipSpace();
                if (_i >= tex.Length) break;
                if (tex[_i] == '^')
                {
                    _i++;
                    var sup = Group().Trim();
                    core += sup switch
                    {
                        "T" or "transpose" or "⊤" => " transpose",
                        "minus 1" => " inverse",
                        "2" => " squared",
                        "3" => " cubed",
                        "prime" => " prime",
                        "star" => " star",
                        _ => Simple(sup) ? " to the " + sup : " to the power " + sup + ", end power",
                    };
                }
                else if (tex[_i] == '_')
                {
                    _i++;
                    var sub = Group().Trim();
                    core += Simple(sub) ? " sub " + sub : " sub " + sub + ", end sub";
                }
                else if (tex[_i] == '\'') { _i++; core += " prime"; }
                else break;
            }
            return core;
        }

        private string Core()
        {
            var c = tex[_i];
            if (c == '{') { _i++; return Sequence(stopAtBrace: true); }
            if (c == '&') { _i++; return ","; }
            if (char.IsAsciiDigit(c))
            {
                var start = _i;
                while (_i < tex.Length && (char.IsAsciiDigit(tex[_i]) || (tex[_i] == '.' && _i + 1 < tex.Length && char.IsAsciiDigit(tex[_i + 1])))) _i++;
                return tex[start.._i];
            }
            if (c != '\\') { _i++; return Symbols.TryGetValue(c, out var w) ? w : c.ToString(); }
            var name = Name();
            if (name == "\\") return "; next row,";
            if (Silent.Contains(name))
            {
                if (name is "label" or "tag" or "hspace" or "vspace" or "phantom" or "hphantom" or "vphantom" or "textcolor") RawGroup();
                if (name is "color") RawGroup();
                return "";
            }
            if (Greek.Contains(name)) return name.StartsWith("var", StringComparison.Ordinal) ? name[3..] : char.IsUpper(name[0]) ? "capital " + name.ToLowerInvariant() : name;
            if (Words.TryGetValue(name, out var word)) return word;
            switch (name)
            {
                case "frac" or "dfrac" or "tfrac" or "cfrac":
                {
                    var num = Group().Trim();
                    var den = Group().Trim();
                    return Simple(num) && Simple(den) ? $"{num} over {den}" : $"fraction, {num}, over {den}, end fraction";
                }
                case "sqrt":
                {
                    SkipSpace();
                    var index = "";
                    if (_i < tex.Length && tex[_i] == '[') { var close = tex.IndexOf(']', _i); if (close > 0) { index = new Reader(tex[(_i + 1)..close]).Sequence(false).Trim(); _i = close + 1; } }
                    var body = Group().Trim();
                    var root = index.Length == 0 ? "square root" : index == "3" ? "cube root" : $"root {index}";
                    return Simple(body) ? $"{root} of {body}" : $"{root} of {body}, end root";
                }
                case "text" or "textrm" or "textit" or "textbf" or "mathrm" or "mathit" or "operatorname" or "mathsf" or "mathtt" or "textsf" or "texttt" or "mbox":
                    return Regex.Replace(RawGroup(), @"\\[A-Za-z]+|[{}$]", " ");
                case "begin":
                {
                    var env = RawGroup().TrimEnd('*');
                    if (env is "array" or "tabular") RawGroup();
                    var body = Sequence(stopAtBrace: false);
                    if (_i < tex.Length && tex.AsSpan(_i).StartsWith("\\end")) { _i += 4; RawGroup(); }
                    return env switch
                    {
                        "bmatrix" or "pmatrix" or "matrix" or "Bmatrix" or "vmatrix" or "Vmatrix" or "smallmatrix" or "array" =>
                            $"{(env == "vmatrix" ? "determinant" : "matrix")}, row 1: {body}, end matrix",
                        "cases" => $"cases: {body}, end cases",
                        _ => body,
                    };
                }
                case "binom":
                    return $"{Group().Trim()} choose {Group().Trim()}";
            }
            if (Fonts.TryGetValue(name, out var font)) return font + " " + Group().Trim();
            if (Accents.TryGetValue(name, out var accent)) return Group().Trim() + " " + accent;
            // Function names (\sin, \log, \max, \det, \exp, …) and anything else unknown: the name itself.
            return name;
        }
    }
}
