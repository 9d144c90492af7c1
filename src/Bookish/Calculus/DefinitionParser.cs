namespace Bookish.Calculus;

/// <summary>Parses <c>define:</c> text: <c>g(x, y) = 2x + y^8; \sigma(z) = \frac{1}{1 + e^{-z}}; y = x^2</c>.</summary>
internal static class DefinitionParser
{
    public static List<FunctionDefinition> Parse(string src, Declarations declarations, HashSet<string> functions)
    {
        var variables = new HashSet<string>(declarations.Symbols.Select(s => s.Name).Concat(declarations.Sizes.Keys));
        var result = new List<FunctionDefinition>();
        var tokens = Tokenizer.Tokenize(src);
        foreach (var part in Parser.SplitTopLevel(tokens, t => t.IsSymbol(";")))
        {
            if (part.Count == 0) continue;
            var sides = Parser.SplitTopLevel(part, t => t.IsSymbol("="));
            if (sides.Count != 2 || sides[0].Count == 0 || sides[1].Count == 0)
                throw new CalcException("a definition looks like 'f(x) = …'", part[0].Start, part[^1].End);
            var lhs = sides[0];
            int open = lhs.FindIndex(t => t.IsSymbol("("));
            var (name, _) = Parser.ParseName(open < 0 ? lhs : lhs[..open], src);
            var parameters = new List<string>();
            var scalar = new List<bool>();
            if (open >= 0)
            {
                if (!lhs[^1].IsSymbol(")")) throw new CalcException("expected ')' after the parameters", lhs[0].Start, lhs[^1].End);
                foreach (var p in Parser.SplitTopLevel(lhs[(open + 1)..^1], t => t.IsSymbol(",")))
                {
                    var (pname, bold) = Parser.ParseName(p, src);
                    parameters.Add(pname);
                    var decl = declarations.Find(pname);
                    scalar.Add(!bold && (decl == null || decl.IsScalar));
                }
                functions.Add(name);
            }
            var paramSet = new HashSet<string>(variables.Concat(parameters).Concat(result.Where(d => d.Parameters.Count == 0).Select(d => d.Name)));
            var body = Parser.ParseTokens(sides[1], src, new ParseSettings(functions, paramSet));
            result.Add(new FunctionDefinition(name, parameters, scalar, body, src));
        }
        return result;
    }
}
