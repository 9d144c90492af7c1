using System.Text;

namespace Bookish.Latex;

/// <summary>Escapes prose for LaTeX so every character prints as itself (no accidental ligatures, no special meaning).</summary>
internal static class LatexEscaper
{
    private static readonly Dictionary<char, string> Specials = new()
    {
        ['\\'] = @"\textbackslash{}", ['{'] = @"\{", ['}'] = @"\}", ['$'] = @"\$", ['&'] = @"\&", ['%'] = @"\%",
        ['#'] = @"\#", ['_'] = @"\_", ['~'] = @"\textasciitilde{}", ['^'] = @"\textasciicircum{}",
        ['|'] = @"\textbar{}", ['<'] = @"\textless{}", ['>'] = @"\textgreater{}", ['"'] = @"\textquotedbl{}", ['\''] = @"\textquotesingle{}", ['`'] = @"\textasciigrave{}",
        ['\u00A0'] = "~", ['…'] = @"\ldots{}", ['\u2009'] = @"\,", ['\u00AD'] = @"\-", ['\u200B'] = @"\hspace{0pt}",
        ['\u2002'] = @"\enspace{}", ['\u2003'] = @"\quad{}", ['\u202F'] = @"\,", ['\u2212'] = @"\textminus{}",
    };

    private static readonly Dictionary<char, string> MathSymbols = new()
    {
        ['α'] = @"\alpha", ['β'] = @"\beta", ['γ'] = @"\gamma", ['δ'] = @"\delta", ['ε'] = @"\epsilon", ['ζ'] = @"\zeta",
        ['η'] = @"\eta", ['θ'] = @"\theta", ['λ'] = @"\lambda", ['μ'] = @"\mu", ['π'] = @"\pi", ['ρ'] = @"\rho",
        ['σ'] = @"\sigma", ['τ'] = @"\tau", ['φ'] = @"\phi", ['χ'] = @"\chi", ['ψ'] = @"\psi", ['ω'] = @"\omega",
        ['Δ'] = @"\Delta", ['Σ'] = @"\Sigma", ['Π'] = @"\Pi", ['Ω'] = @"\Omega", ['∂'] = @"\partial", ['∇'] = @"\nabla",
        ['×'] = @"\times", ['·'] = @"\cdot", ['≤'] = @"\leq", ['≥'] = @"\geq", ['≠'] = @"\neq", ['≈'] = @"\approx",
        ['∞'] = @"\infty", ['→'] = @"\rightarrow", ['←'] = @"\leftarrow", ['∈'] = @"\in", ['∑'] = @"\sum", ['√'] = @"\surd",
        ['±'] = @"\pm", ['⊙'] = @"\odot", ['⊗'] = @"\otimes", ['∘'] = @"\circ",
        ['ι'] = @"\iota", ['κ'] = @"\kappa", ['ν'] = @"\nu", ['ξ'] = @"\xi", ['ο'] = "o", ['υ'] = @"\upsilon",
        ['ϵ'] = @"\epsilon", ['ϑ'] = @"\vartheta", ['ϕ'] = @"\phi", ['ϖ'] = @"\varpi", ['ϱ'] = @"\varrho", ['ς'] = @"\varsigma",
        ['Γ'] = @"\Gamma", ['Θ'] = @"\Theta", ['Λ'] = @"\Lambda", ['Ξ'] = @"\Xi", ['Υ'] = @"\Upsilon", ['Φ'] = @"\Phi", ['Ψ'] = @"\Psi",
        ['∀'] = @"\forall", ['∃'] = @"\exists", ['∅'] = @"\emptyset", ['∉'] = @"\notin", ['∋'] = @"\ni", ['∩'] = @"\cap", ['∪'] = @"\cup",
        ['⊂'] = @"\subset", ['⊆'] = @"\subseteq", ['⊃'] = @"\supset", ['⊇'] = @"\supseteq", ['∧'] = @"\wedge", ['∨'] = @"\vee",
        ['≡'] = @"\equiv", ['∼'] = @"\sim", ['≅'] = @"\cong", ['∝'] = @"\propto", ['≪'] = @"\ll", ['≫'] = @"\gg",
        ['⇒'] = @"\Rightarrow", ['⇐'] = @"\Leftarrow", ['⇔'] = @"\Leftrightarrow", ['↔'] = @"\leftrightarrow", ['↦'] = @"\mapsto",
        ['↑'] = @"\uparrow", ['↓'] = @"\downarrow", ['∫'] = @"\int", ['∏'] = @"\prod", ['∓'] = @"\mp", ['⊕'] = @"\oplus",
        ['⊥'] = @"\perp", ['∥'] = @"\parallel", ['⋅'] = @"\cdot", ['∗'] = @"\ast", ['⋆'] = @"\star", ['∖'] = @"\setminus",
        ['⟨'] = @"\langle", ['⟩'] = @"\rangle", ['⌈'] = @"\lceil", ['⌉'] = @"\rceil", ['⌊'] = @"\lfloor", ['⌋'] = @"\rfloor",
        ['ℓ'] = @"\ell", ['ℏ'] = @"\hbar", ['′'] = @"{}^{\prime}", ['≺'] = @"\prec", ['≻'] = @"\succ",
    };

    /// <summary>The characters set as math in prose and their commands.</summary>
    internal static IReadOnlyDictionary<char, string> MathSymbolTable => MathSymbols;

    /// <summary>Characters that TeX's fonts join into ligatures (-- ``  '' << >> ,, !` ?`): keep them apart.</summary>
    private static bool BreaksLigature(char a, char b) =>
        (a == b && a is '-' or '`' or '\'' or ',') || (a is '!' or '?' && b == '`');

    /// <summary>
    /// Prose as LaTeX. Characters pdfLaTeX's fonts hold are written as themselves, Greek letters and math symbols as
    /// math, and a run of anything else (CJK, emoji, other scripts) as one <c>\bookishglyphs{XXXX-YYYY}</c>
    /// placeholder of its code points, which <see cref="Unicode.FallbackGlyphs"/> turns into text drawn from a system font.
    /// </summary>
    /// <summary>
    /// Prose in a moving argument (a heading): as <see cref="Escape(string)"/>, with each Greek letter or symbol set as math
    /// also given its own character for the PDF outline (<c>\texorpdfstring</c>), which drops math.
    /// </summary>
    public static string EscapeMoving(string text)
    {
        if (!text.Any(MathSymbols.ContainsKey)) return Escape(text);
        var sb = new StringBuilder(text.Length + 32);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!MathSymbols.ContainsKey(text[i])) continue;
            sb.Append(Escape(text[start..i])).Append(@"\texorpdfstring{").Append(Escape(text[i].ToString())).Append("}{").Append(text[i]).Append('}');
            start = i + 1;
        }
        return sb.Append(Escape(text[start..])).ToString();
    }

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var run = new List<int>();
        void Flush()
        {
            if (run.Count == 0) return;
            sb.Append(Unicode.FallbackGlyphs.Placeholder(run));
            run.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                run.Add(char.ConvertToUtf32(c, text[++i]));
                continue;
            }
            // Joiners, variation selectors and combining marks belong to the run they follow (emoji sequences, accents on CJK).
            if (run.Count > 0 && (c is '\u200D' or >= '\uFE00' and <= '\uFE0F' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark))
            {
                run.Add(c);
                continue;
            }
            if (Specials.TryGetValue(c, out var s)) { Flush(); sb.Append(s); }
            else if (MathSymbols.TryGetValue(c, out var m)) { Flush(); sb.Append(@"\ensuremath{").Append(m).Append('}'); }
            else if (c == '\r') continue;
            else if (char.IsSurrogate(c)) { Flush(); sb.Append(Unicode.FallbackGlyphs.Placeholder([0xFFFD])); }
            else if (!Unicode.TexCharacters.Typesets(c)) run.Add(c);
            else
            {
                Flush();
                sb.Append(c);
                if (i + 1 < text.Length && BreaksLigature(c, text[i + 1])) sb.Append("{}");
            }
        }
        Flush();
        return sb.ToString();
    }

    /// <summary>
    /// Failed source shown in an error marker: escaped like prose, on one line (a blank line in the source must not end
    /// TeX's paragraph inside the marker), with a break allowed after every symbol and inside long words so the marker
    /// wraps within the text width.
    /// </summary>
    public static string Marker(string source)
    {
        var flat = string.Join(' ', source.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (flat.Length > 400) flat = flat[..400] + "…";
        var sb = new StringBuilder(flat.Length * 2);
        for (var i = 0; i < flat.Length;)
        {
            var start = i;
            if (char.IsLetterOrDigit(flat[i])) while (i < flat.Length && i - start < 12 && char.IsLetterOrDigit(flat[i])) i++;
            else i += char.IsHighSurrogate(flat[i]) && i + 1 < flat.Length ? 2 : 1;
            var token = flat[start..i];
            sb.Append(Escape(token));
            // After a symbol, or inside a long word; a space is a break already.
            var word = char.IsLetterOrDigit(token[0]);
            if (token != " " && (!word || (i < flat.Length && char.IsLetterOrDigit(flat[i])))) sb.Append(@"\allowbreak{}");
        }
        return sb.ToString();
    }

    /// <summary>
    /// An address shown as text: may break between two letters or digits (never beside a symbol, so text extracted
    /// from the PDF, which reads a line end as a space, still joins into the same address).
    /// </summary>
    public static string BreakableAddress(string address)
    {
        var sb = new StringBuilder(address.Length * 2);
        var last = 0;
        for (var i = 1; i < address.Length; i++)
            if (i - last >= 3 && char.IsLetterOrDigit(address[i - 1]) && char.IsLetterOrDigit(address[i]))
            {
                sb.Append(Escape(address[last..i])).Append(@"\allowbreak{}");
                last = i;
            }
        return sb.Append(Escape(address[last..])).ToString();
    }

    /// <summary>Escapes a URL for <c>\href</c>/<c>\url</c>.</summary>
    public static string Url(string url)
    {
        // Non-ASCII characters are percent-encoded (UTF-8), as a browser sends them; pdfTeX would mangle raw bytes.
        var sb = new StringBuilder();
        foreach (var c in url)
        {
            if (c < 128) sb.Append(c);
            else foreach (var b in Encoding.UTF8.GetBytes(c.ToString())) sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString().Replace("\\", "/").Replace("%", @"\%").Replace("#", @"\#").Replace("{", "%7B").Replace("}", "%7D");
    }
}
