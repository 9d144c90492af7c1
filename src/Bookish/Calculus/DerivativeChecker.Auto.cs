using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Text;

namespace Bookish.Calculus;

internal static partial class DerivativeChecker
{
    private static readonly Regex Removable = new(@"\\text\{\s*\([^{}]*\)\s*\}|\(\s*\\text\{[^{}]*[a-z]\s[^{}]*\}[^()]*?\\text\{[^{}]*\s[a-z][^{}]*\}\s*\)|\\(label|tag)\{[^}]*\}|\\(nonumber|notag)|\\begin\{array\}\{[^}]*\}|\\end\{array\}|\\begin\{(aligned|align\*?|equation\*?|split|gathered)\}|\\end\{(aligned|align\*?|equation\*?|split|gathered)\}", RegexOptions.Compiled);
    private static readonly Regex DerivativeMarker = new(@"\\frac\s*\{\s*(d|\\partial)|\\nabla|\\partial", RegexOptions.Compiled);
    private static readonly Regex BoldName = new(@"\\(mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}", RegexOptions.Compiled);
    private static readonly Regex PlainName = new(@"(?<![\\A-Za-z])([A-Za-z])(?!\s*\()", RegexOptions.Compiled);
    private static readonly Regex GreekName = new(@"\\([A-Za-z]+)(?!\s*\()", RegexOptions.Compiled);

    /// <summary>
    /// Auto mode: tries every equality chain (split at <c>\\</c>; lines starting with '=' continue the chain) that
    /// contains a derivative. Refutes only when a link fails at every sample point with stable numbers and shapes
    /// agree; anything doubtful is not checkable. Equations without derivatives are not counted.
    /// </summary>
    public static AutoCheckReport AutoCheck(IEnumerable<(string Tex, SourceSpan Span)> displayEquations, AutoCheckOptions options)
    {
        var items = new List<AutoCheckItem>();
        var diagnostics = new List<Diagnostic>();
        if (!TryParseLayout(options.Layout, out var layout)) layout = Layout.Numerator;
        foreach (var (tex, span) in displayEquations)
        {
            var lineScope = options.Sidecar?.Scopes.LastOrDefault(s => span.Line >= s.FromLine && span.Line <= s.ToLine);
            var macros = options.Sidecar is { } standIns ? [.. options.Macros, .. standIns.StandIns, .. lineScope?.Macros ?? []] : options.Macros;
            int chainNumber = 0;
            foreach (var chain in Chains(MacroExpander.Expand(tex, macros)))
            {
                if (!DerivativeMarker.IsMatch(chain) || !chain.Contains('=')) continue;
                chainNumber++;
                string declare = options.Declarations ?? "";
                string define = "";
                AutoCheckScope? scope = null;
                if (options.Sidecar is { } sc)
                {
                    scope = sc.Scopes.LastOrDefault(s => s.Covers(span.Line, chainNumber));
                    declare = Join(", ", declare, sc.Declare, scope?.Declare);
                    define = Join("; ", sc.Define, scope?.Define);
                }
                if (declare.Length == 0) declare = LegacyDeclarations(chain, options.VectorSize);
                string claim = WithoutNamingLink(chain, declare, define);
                if (LocalDefinition(claim, define) is { } local) (claim, define) = local;
                (claim, define) = WithWordNames(claim, declare, define);
                var (corrected, typo) = CorrectMissingDifferential(claim, declare, define);
                if (typo != null)
                {
                    claim = corrected;
                    diagnostics.Add(Diagnostic.Warning(DiagnosticIds.DerivativeTypo, span, $"{typo} (a typo: the differential's d is missing below) in '{chain}'"));
                }
                Verdict v;
                try
                {
                    v = ClaimChecker.Check(declare, define, claim, layout, new CheckOptions(options.Seed, 5, Auto: true, ExplicitDependence: scope is not null));
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InvalidCastException or KeyNotFoundException)
                {
                    v = new Verdict(VerdictKind.NotCheckable, "internal: " + ex.Message);
                }
                items.Add(new AutoCheckItem(chain, span, v));
                if (v.Kind == VerdictKind.Refuted)
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.DerivativeRefuted, span, $"derivative refuted in '{chain}': " + string.Join("; ", v.Details().Split('\n').Select(l => l.Trim()))));
                else if (v.Kind == VerdictKind.NotCheckable)
                    diagnostics.Add(new Diagnostic(DiagnosticIds.DerivativeNotCheckable, Severity.Info, $"derivative not checkable in '{chain}': {v.Message}", span));
            }
        }
        return new AutoCheckReport(items.Count,
            items.Count(i => i.Verdict.Kind == VerdictKind.Verified),
            items.Count(i => i.Verdict.Kind == VerdictKind.Refuted),
            items.Count(i => i.Verdict.Kind == VerdictKind.NotCheckable),
            diagnostics, items);
    }

    private static readonly Regex NamingLink = new(@"^\s*(?<name>[A-Za-z](_(\{[^{}]*\}|\\mathbf\{[A-Za-z]\}|[A-Za-z0-9]))?)\s*=(?!=)", RegexOptions.Compiled);

    /// <summary>
    /// <c>J = \begin{bmatrix}…</c>, <c>J_\mathbf{w} = \frac{∂\mathbf{y}}{∂\mathbf{w}} = …</c>: a first link that is a bare letter
    /// neither declared nor defined names what follows; the rest of the chain is the claim.
    /// </summary>
    internal static string WithoutNamingLink(string chain, string declare, string define)
    {
        var m = NamingLink.Match(chain);
        if (!m.Success) return chain;
        string name = m.Groups["name"].Value, letter = name[..1];
        if (Regex.IsMatch(declare + ";" + define, $@"(?<![\\A-Za-z]){letter}(?![A-Za-z])")) return chain;
        string rest = chain[m.Length..];
        return rest.Contains('=') ? rest : chain;
    }

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    private static readonly Regex BareFunction = new(@"(?<![\\A-Za-z])(diag|max|min|cos|sin|tan|tanh|exp|ln|log|sum)(?=\s*(\(|\\left))", RegexOptions.Compiled);
    /// <summary><c>2xcos(x^2)</c>: one letter glued to a function name and its parenthesis (not acos, asin, atan: those are names).</summary>
    private static readonly Regex GluedFunction = new(@"(?<=(?<![\\A-Za-z])[b-zA-Z])(cos|sin|tan|exp|ln|log)(?=\s*\()", RegexOptions.Compiled);
    private static readonly Regex PlainIdentity = new(@"(?<![\\A-Za-z_{])I(?![A-Za-z}])", RegexOptions.Compiled);
    private static readonly Regex BoldGroup = new(@"\\mathbf\{([^{}]*[A-Za-z][^{}]*[A-Za-z][^{}]*)\}", RegexOptions.Compiled);

    /// <summary>Legacy spellings: <c>diag(…)</c> and <c>cos(u)</c> without a backslash, <c>\mathbf{w \otimes x}</c> bolding a whole group.</summary>
    internal static string NormalizeLegacy(string tex)
    {
        string t = BareFunction.Replace(tex, m => $"\\operatorname{{{m.Groups[1].Value}}}");
        t = GluedFunction.Replace(t, m => $"\\operatorname{{{m.Groups[1].Value}}}");
        t = PlainIdentity.Replace(t, "\\mathbf{I}");
        return BoldGroup.Replace(t, m => "(" + Regex.Replace(m.Groups[1].Value, @"\\[A-Za-z]+|[A-Za-z]", x => x.Value.StartsWith('\\') ? x.Value : $"\\mathbf{{{x.Value}}}") + ")");
    }

    /// <summary>Splits at top-level <c>\\</c> and <c>&amp;</c> (not inside a matrix); a piece starting with '=' continues the chain.</summary>
    internal static List<string> Chains(string tex)
    {
        string t = Removable.Replace(NormalizeLegacy(tex), " ");
        var lines = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < t.Length; i++)
        {
            if (string.CompareOrdinal(t, i, "\\begin", 0, 6) == 0) depth++;
            else if (string.CompareOrdinal(t, i, "\\end", 0, 4) == 0) depth--;
            else if (depth <= 0 && t[i] == '&') { lines.Add(t[start..i]); start = i + 1; }
            else if (depth <= 0 && string.CompareOrdinal(t, i, "\\\\", 0, 2) == 0) { lines.Add(t[start..i]); start = i + 2; i++; }
            else if (t[i] == '\\') i++;
        }
        lines.Add(t[start..]);
        var result = new List<string>();
        foreach (var rawLine in lines)
        {
            string line = rawLine.Trim().TrimEnd('.', ',', ';').Trim();
            if (line.Length == 0) continue;
            if ((line.StartsWith('=') || (result.Count > 0 && result[^1].EndsWith('='))) && result.Count > 0) result[^1] += " " + line;
            else result.Add(line);
        }
        return result;
    }

    /// <summary>Legacy convention: bold lowercase vector, bold uppercase square matrix, plain letters and Greek scalars.</summary>
    internal static string LegacyDeclarations(string chain, int size)
    {
        var vectors = new List<string>();
        var matrices = new List<string>();
        var scalars = new List<string>();
        foreach (Match m in BoldName.Matches(chain))
        {
            string letter = m.Groups[2].Value, name = $"\\mathbf{{{letter}}}";
            if (letter is "I") continue;
            var list = char.IsUpper(letter[0]) ? matrices : vectors;
            if (!list.Contains(name) && !Regex.IsMatch(chain, Regex.Escape(m.Value) + @"\s*\(")) list.Add(name);
        }
        string withoutCommands = BoldName.Replace(Regex.Replace(chain, @"\\(frac|partial|nabla|operatorname|text|mathrm)\b", " "), " ");
        withoutCommands = Regex.Replace(withoutCommands, @"\\(operatorname|text|mathrm|begin|end)\s*\{[^}]*\}", " ");
        foreach (Match m in PlainName.Matches(withoutCommands))
        {
            string name = m.Groups[1].Value;
            if (name is "e" or "d" || scalars.Contains(name)) continue;
            scalars.Add(name);
        }
        foreach (Match m in GreekName.Matches(chain))
        {
            string name = m.Groups[1].Value;
            if (Parser.Greek.Contains(name) && name is not ("pi" or "sigma") && !scalars.Contains("\\" + name)) scalars.Add("\\" + name);
        }
        var parts = new List<string>();
        if (scalars.Count > 0) parts.Add(string.Join(", ", scalars) + " \\in \\mathbb{R}");
        if (vectors.Count > 0) parts.Add(string.Join(", ", vectors) + $" \\in \\mathbb{{R}}^{{{size}}}");
        if (matrices.Count > 0) parts.Add(string.Join(", ", matrices) + $" \\in \\mathbb{{R}}^{{{size} \\times {size}}}");
        return string.Join(", ", parts);
    }
}
