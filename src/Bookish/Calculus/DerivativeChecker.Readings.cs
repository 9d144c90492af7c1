using System.Text.RegularExpressions;

namespace Bookish.Calculus;

internal static partial class DerivativeChecker
{
    private const string Name = @"[A-Za-z](_(\{[^{}]*\}|[A-Za-z0-9]))?";

    /// <summary><c>\frac{d}{x}</c>: a d over a bare variable (not dx), the differential's d missing below.</summary>
    private static readonly Regex MissingDifferential = new(@"\\frac\s*\{\s*d\s*\}\s*\{\s*(?<v>" + Name + @")\s*\}", RegexOptions.Compiled);

    /// <summary><c>(\text{for } u_2 = x + u_1, \frac{\partial u_2}{\partial x} = 1)</c>: an aside that defines a name for its own claim.</summary>
    private static readonly Regex ForAside = new(@"^\(\s*\\text\{\s*for\s*\}\s*(?<name>" + Name + @")\s*=(?<def>[^,=]+),(?<claim>.+)\)$", RegexOptions.Compiled | RegexOptions.Singleline);

    /// <summary>
    /// <c>\frac{d}{x} u_1</c> read as <c>\frac{d}{dx} u_1</c> when d is not a declared symbol (so the written text means nothing
    /// else); what it read, for the warning, or null.
    /// </summary>
    internal static (string Claim, string? Typo) CorrectMissingDifferential(string claim, string declare, string define)
    {
        var m = MissingDifferential.Match(claim);
        if (!m.Success || m.Groups["v"].Value == "d" || Regex.IsMatch(declare + ";" + define, @"(?<![\\A-Za-z])d(?![A-Za-z])")) return (claim, null);
        string Fix(Match x) => $"\\frac{{d}}{{d{x.Groups["v"].Value}}}";
        return (MissingDifferential.Replace(claim, Fix), $"'{m.Value}' read as '{Fix(m)}'");
    }

    /// <summary>
    /// An aside <c>(\text{for } NAME = EXPR, CLAIM)</c>: CLAIM with NAME = EXPR as its definition (replacing a definition of the
    /// same name); null when the chain is no such aside.
    /// </summary>
    internal static (string Claim, string Define)? LocalDefinition(string chain, string define)
    {
        var m = ForAside.Match(chain.Trim());
        if (!m.Success) return null;
        string name = m.Groups["name"].Value.Trim();
        var kept = define.Split(';').Where(d => !Regex.IsMatch(d, @"^\s*" + Regex.Escape(name) + @"\s*(\(|=)"));
        return (m.Groups["claim"].Value.Trim(), Join("; ", [.. kept, $"{name} = {m.Groups["def"].Value.Trim()}"]));
    }

    private static readonly Regex WordDefinition = new(@"(?:^|;)\s*(?<word>[A-Za-z]{2,})\s*(\(|=)", RegexOptions.Compiled);

    /// <summary>
    /// A sidecar definition named by a word (<c>activation(z) = \max(0, z)</c>, as the paper writes <c>\frac{\partial activation}{\partial z}</c>
    /// in italic letters): the word, in the definitions and the claim, becomes one symbol <c>\Omega_{word}</c> instead of a product of
    /// letters. Only words the definitions name, and only when \Omega is not used otherwise.
    /// </summary>
    internal static (string Claim, string Define) WithWordNames(string claim, string declare, string define)
    {
        var words = WordDefinition.Matches(define).Select(m => m.Groups["word"].Value).Distinct().ToList();
        if (words.Count == 0 || (claim + declare + define).Contains("\\Omega", StringComparison.Ordinal)) return (claim, define);
        foreach (var w in words)
        {
            var word = new Regex($@"(?<![\\A-Za-z]){w}(?![A-Za-z])");
            claim = word.Replace(claim, $"\\Omega_{{{w}}}");
            define = word.Replace(define, $"\\Omega_{{{w}}}");
        }
        return (claim, define);
    }
}
