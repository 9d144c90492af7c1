using System.Text;

namespace Bookish.Latex;

/// <summary>Escapes prose for LaTeX so every character prints as itself (no accidental ligatures, no special meaning).</summary>
public static class LatexEscaper
{
    private static readonly Dictionary<char, string> Specials = new()
    {
        ['\\'] = @"\textbackslash{}", ['{'] = @"\{", ['}'] = @"\}", ['$'] = @"\$", ['&'] = @"\&", ['%'] = @"\%",
        ['#'] = @"\#", ['_'] = @"\_", ['~'] = @"\textasciitilde{}", ['^'] = @"\textasciicircum{}",
        ['|'] = @"\textbar{}", ['<'] = @"\textless{}", ['>'] = @"\textgreater{}", ['"'] = @"\textquotedbl{}", ['\''] = @"\textquotesingle{}", ['`'] = @"\textasciigrave{}",
        ['\u00A0'] = "~", ['…'] = @"\ldots{}", ['\u2009'] = @"\,",
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
    };

    /// <summary>Characters that TeX's fonts join into ligatures (-- ``  '' << >> ,, !` ?`): keep them apart.</summary>
    private static bool BreaksLigature(char a, char b) =>
        (a == b && a is '-' or '`' or '\'' or ',') || (a is '!' or '?' && b == '`');

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Specials.TryGetValue(c, out var s)) sb.Append(s);
            else if (MathSymbols.TryGetValue(c, out var m)) sb.Append(@"\ensuremath{").Append(m).Append('}');
            else if (c == '\r') continue;
            else
            {
                sb.Append(c);
                if (i + 1 < text.Length && BreaksLigature(c, text[i + 1])) sb.Append("{}");
            }
        }
        return sb.ToString();
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
