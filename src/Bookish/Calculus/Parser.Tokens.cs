namespace Bookish.Calculus;

internal sealed partial class Parser
{
    /// <summary>Parses a token slice of <paramref name="src"/> as one expression.</summary>
    internal static Expr ParseTokens(List<Token> tokens, string src, ParseSettings settings)
    {
        var end = tokens.Count > 0 ? tokens[^1].End : 0;
        var parser = new Parser([.. tokens, new Token(TokenKind.End, "", end, end)], src, settings);
        var e = parser.ParseExpr();
        parser.ExpectEnd();
        return e;
    }

    /// <summary>Parses a token slice that must be exactly one name, subscript included: <c>x_1</c>, <c>\mathbf{W}</c>.</summary>
    internal static (string Name, bool Bold) ParseName(List<Token> tokens, string src)
    {
        var end = tokens.Count > 0 ? tokens[^1].End : 0;
        var parser = new Parser([.. tokens, new Token(TokenKind.End, "", end, end)], src, ParseSettings.Empty);
        var (name, bold, constant) = parser.ReadName();
        if (constant != null) throw new CalcException("expected a name", tokens[0].Start, end);
        if (parser.Peek.IsSymbol("_"))
        {
            parser._p++;
            name = name + "_" + SubscriptText(parser.ReadGroup());
        }
        parser.ExpectEnd();
        return (name, bold);
    }

    /// <summary>Splits tokens at top-level separators (outside braces, parentheses and brackets).</summary>
    internal static List<List<Token>> SplitTopLevel(List<Token> tokens, Func<Token, bool> isSeparator)
    {
        var parts = new List<List<Token>> { new() };
        int depth = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.End) break;
            if (t.Kind == TokenKind.Symbol && t.Text is "{" or "(" or "[") depth++;
            if (t.Kind == TokenKind.Symbol && t.Text is "}" or ")" or "]") depth--;
            if (t.IsCommand("begin")) depth++;
            if (t.IsCommand("end")) depth--;
            if (depth == 0 && isSeparator(t)) { parts.Add([]); continue; }
            parts[^1].Add(t);
        }
        return parts;
    }
}
