namespace Bookish.Notation;

/// <summary>Finds a symbol's canonical tokens inside a fragment's canonical tokens. A match must start in plain math, so
/// <c>x</c> is not found inside <c>\mathbf{x}</c> or <c>\text{max}</c>.</summary>
internal static class SymbolPattern
{
    public static IEnumerable<int> Matches(List<CanonToken> fragment, List<CanonToken> symbol)
    {
        if (symbol.Count == 0) yield break;
        for (var i = 0; i + symbol.Count <= fragment.Count; i++)
        {
            if (fragment[i].Context != TexContext.Math) continue;
            var ok = true;
            for (var k = 0; k < symbol.Count && ok; k++) ok = fragment[i + k].Text == symbol[k].Text;
            if (ok) yield return i;
        }
    }

    /// <summary>For <c>\mathbf{x}</c>: the family command and the tokens of its argument, including braces.</summary>
    public static (string Command, List<CanonToken> Argument)? Styled(List<CanonToken> symbol)
    {
        if (symbol.Count < 3 || symbol[1].Text != "{" || symbol[^1].Text != "}") return null;
        if (!TexCommands.BoldFamily.Contains(symbol[0].Text) && !TexCommands.ScriptFamily.Contains(symbol[0].Text)) return null;
        // the argument must span to the end: \mathbf{x}_i is not a plain styled letter
        var depth = 0;
        for (var i = 1; i < symbol.Count; i++)
        {
            if (symbol[i].Text == "{") depth++;
            else if (symbol[i].Text == "}" && --depth == 0 && i != symbol.Count - 1) return null;
        }
        return (symbol[0].Text, symbol.Skip(1).ToList());
    }

    public static IEnumerable<string> Family(string command) =>
        TexCommands.BoldFamily.Contains(command) ? TexCommands.BoldFamily
        : TexCommands.ScriptFamily.Contains(command) ? TexCommands.ScriptFamily
        : [];
}
