namespace Bookish.Calculus;

/// <summary>Parses <c>declare:</c> text: <c>x, y \in \mathbb{R}, \mathbf{W} \in \mathbb{R}^{m \times n} \text{ invertible}, n = 4, x &gt; 0</c>.</summary>
internal static class DeclarationParser
{
    private static readonly int[] DefaultSizes = [3, 2, 4, 5, 6, 7, 8];

    /// <summary>Largest vector or matrix dimension the numeric checker accepts.</summary>
    public const int MaxSize = 32;

    private sealed record Pending(string Name, bool Scalar, string[] Dims, List<string> Qualifiers);

    public static Declarations Parse(string src)
    {
        var tokens = Tokenizer.Tokenize(src);
        var items = Parser.SplitTopLevel(tokens, t => t.IsSymbol(",") || t.IsSymbol(";"));
        var declared = new List<Pending>();
        var names = new List<(string Name, int Start, int End)>();
        var sizes = new Dictionary<string, int>();
        var constraintItems = new List<List<Token>>();
        var positive = new List<string>();
        bool otimes = false, functionsElementwise = false;
        foreach (var item in items)
        {
            if (item.Count == 0) continue;
            int inAt = item.FindIndex(t => t.IsCommand("in"));
            if (inAt >= 0)
            {
                var (name, _) = Parser.ParseName(item[..inAt], src);
                names.Add((name, item[0].Start, item[inAt - 1].End));
                var set = ParseSet(item[(inAt + 1)..], src);
                if (set.Skip) { names.Clear(); continue; }
                foreach (var n in names)
                {
                    declared.Add(new Pending(n.Name, set.Dims.Length == 0, set.Dims, [.. set.Qualifiers]));
                    if (set.Positive) positive.Add(n.Name);
                }
                names.Clear();
            }
            else if (item.Any(IsComparison)) constraintItems.Add(item);
            else if (item.Count == 3 && item[0].Kind == TokenKind.Letter && item[1].IsSymbol("=") && item[2].Kind == TokenKind.Number)
                sizes[item[0].Text] = item[2].Text.All(char.IsAsciiDigit) && item[2].Text.Length <= 3 && int.Parse(item[2].Text, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= MaxSize
                    ? int.Parse(item[2].Text, System.Globalization.CultureInfo.InvariantCulture)
                    : throw new CalcException($"a size must be a whole number from 1 to {MaxSize}", item[0].Start, item[2].End);
            else if (Words(item).Contains("elementwise") && !item.Any(t => t.IsCommand("otimes"))
                     && (Words(item).Contains("functions") || item.Any(t => t.Kind == TokenKind.Command && MatrixFunctions.Names.Contains(t.Text))))
                functionsElementwise = true;
            else if (item.Any(t => t.IsCommand("otimes")))
            {
                string words = Words(item);
                otimes = words.Contains("elementwise") || words.Contains("hadamard")
                    ? true : throw new CalcException("\\otimes can only be declared element-wise", item[0].Start, item[^1].End);
            }
            else
            {
                int textAt = item.FindIndex(t => t.IsCommand("text") || t.IsCommand("succ"));
                if (textAt > 0)
                {
                    var (name, _) = Parser.ParseName(item[..textAt], src);
                    var target = declared.LastOrDefault(d => d.Name == name)
                        ?? throw new CalcException($"qualifier for undeclared '{name}'", item[0].Start, item[^1].End);
                    target.Qualifiers.AddRange(Qualifiers(item[textAt..]));
                    continue;
                }
                var (bare, _) = Parser.ParseName(item, src);
                names.Add((bare, item[0].Start, item[^1].End));
            }
        }
        if (names.Count > 0) throw new CalcException($"'{names[0].Name}' has no '\\in'", names[0].Start, names[0].End);

        int nextDefault = 0;
        int Resolve(string dim)
        {
            if (dim.All(char.IsAsciiDigit) && dim.Length <= 3) return int.Parse(dim, System.Globalization.CultureInfo.InvariantCulture) is var k and >= 1 and <= MaxSize
                ? k : throw new CalcException($"a size must be a whole number from 1 to {MaxSize}");
            if (sizes.TryGetValue(dim, out int v)) return v;
            sizes[dim] = DefaultSizes[Math.Min(nextDefault++, DefaultSizes.Length - 1)];
            return sizes[dim];
        }
        var symbols = declared.Select(d => d.Dims.Length switch
        {
            0 => new SymbolDeclaration(d.Name, true, 1, 1, d.Qualifiers),
            1 => new SymbolDeclaration(d.Name, false, Resolve(d.Dims[0]), 1, d.Qualifiers),
            _ => new SymbolDeclaration(d.Name, false, Resolve(d.Dims[0]), Resolve(d.Dims[1]), d.Qualifiers),
        }).ToList();

        var settings = new ParseSettings(new HashSet<string>(), new HashSet<string>(symbols.Select(s => s.Name).Concat(sizes.Keys)));
        var constraints = constraintItems.Select(item => ParseConstraint(item, src, settings)).ToList();
        foreach (var p in positive)
            constraints.Add(new DomainConstraint([new SymbolExpr(p, false, 0, 0), new NumberExpr(0, 0, 0)], [">"]));
        return new Declarations(symbols, sizes, constraints, otimes) { ElementwiseFunctions = functionsElementwise };
    }

    private static bool IsComparison(Token t) =>
        t.IsSymbol("<") || t.IsSymbol(">") || (t.Kind == TokenKind.Command && t.Text is "lt" or "gt" or "leq" or "geq" or "le" or "ge" or "neq" or "ne");

    private static DomainConstraint ParseConstraint(List<Token> item, string src, ParseSettings settings)
    {
        var terms = new List<Expr>();
        var ops = new List<string>();
        var current = new List<Token>();
        foreach (var t in item)
        {
            if (!IsComparison(t)) { current.Add(t); continue; }
            terms.Add(Parser.ParseTokens(current, src, settings));
            current = [];
            ops.Add(t.Text is "<" or "lt" or "leq" or "le" ? "<" : t.Text is ">" or "gt" or "geq" or "ge" ? ">" : "ne");
        }
        terms.Add(Parser.ParseTokens(current, src, settings));
        return new DomainConstraint(terms, ops);
    }

    private sealed record SetInfo(string[] Dims, List<string> Qualifiers, bool Positive, bool Skip);

    private static SetInfo ParseSet(List<Token> t, string src)
    {
        int i = 0;
        if (i >= t.Count || !(t[i].IsCommand("mathbb") || t[i].IsCommand("mathbf")))
            throw new CalcException("expected \\mathbb{R} after \\in", t.Count > 0 ? t[0].Start : 0, t.Count > 0 ? t[^1].End : 0);
        i++;
        if (i < t.Count && t[i].IsSymbol("{")) i++;
        string field = i < t.Count ? t[i].Text : "";
        i++;
        if (i < t.Count && t[i].IsSymbol("}")) i++;
        if (field is "N" or "Z") return new SetInfo([], [], false, true);
        if (field != "R") throw new CalcException($"unsupported set \\mathbb{{{field}}}", t[0].Start, t[^1].End);
        string[] dims = [];
        bool positive = false;
        while (i < t.Count && (t[i].IsSymbol("^") || t[i].IsSymbol("_")))
        {
            bool sup = t[i].IsSymbol("^");
            i++;
            var group = ReadGroup(t, ref i);
            if (group.Any(g => g.IsSymbol("+") || g.IsSymbol(">") || g.IsCommand("geq"))) { positive = true; continue; }
            if (!sup) throw new CalcException("unsupported subscript on \\mathbb{R}", t[0].Start, t[^1].End);
            dims = Parser.SplitTopLevel(group, g => g.IsCommand("times") || g.IsLetter("x"))
                .Select(d => string.Concat(d.Select(x => x.Text))).ToArray();
            if (dims.Length > 2 || dims.Any(d => d.Length == 0))
                throw new CalcException("unsupported dimensions", t[0].Start, t[^1].End);
            if (dims.Length == 2 && dims[1] == "1") dims = [dims[0]];
        }
        return new SetInfo(dims, Qualifiers(t[i..]), positive, false);
    }

    private static List<Token> ReadGroup(List<Token> t, ref int i)
    {
        if (i >= t.Count) return [];
        if (!t[i].IsSymbol("{")) return [t[i++]];
        int depth = 0;
        var list = new List<Token>();
        for (; i < t.Count; i++)
        {
            if (t[i].IsSymbol("{") && depth++ == 0) continue;
            if (t[i].IsSymbol("}") && --depth == 0) { i++; break; }
            list.Add(t[i]);
        }
        return list;
    }

    private static string Words(List<Token> t) =>
        string.Concat(t.Where(x => x.Kind == TokenKind.Letter).Select(x => x.Text)).ToLowerInvariant();

    private static List<string> Qualifiers(List<Token> t)
    {
        string w = Words(t);
        var q = new List<string>();
        if (w.Contains("symmetric")) q.Add("symmetric");
        if (w.Contains("invertible") || w.Contains("nonsingular")) q.Add("invertible");
        if (w.Contains("positivedefinite") || t.Any(x => x.IsCommand("succ"))) q.Add("positive definite");
        if (w.Contains("diagonal")) q.Add("diagonal");
        if (t.Count > 0 && q.Count == 0) throw new CalcException($"unsupported qualifier '{w}'", t[0].Start, t[^1].End);
        return q;
    }
}
