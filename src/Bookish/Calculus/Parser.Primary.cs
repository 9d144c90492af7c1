namespace Bookish.Calculus;

internal sealed partial class Parser
{
    internal static readonly System.Collections.Frozen.FrozenSet<string> Greek = CalculusTables.Greek;

    private static readonly System.Collections.Frozen.FrozenSet<string> BoldCommands = CalculusTables.Bold;
    private static readonly System.Collections.Frozen.FrozenSet<string> Accents = CalculusTables.Accents;

    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> BuiltinCommands = CalculusTables.BuiltinCommands;

    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> OperatorNames = CalculusTables.OperatorNames;

    private Expr ParsePrimary()
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Number:
                _p++;
                if (!double.TryParse(t.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v))
                    throw new CalcException($"bad number '{t.Text}'", t.Start, t.End);
                return new NumberExpr(v, t.Start, t.End);
            case TokenKind.Letter:
                return ParseSymbolOrCall();
            case TokenKind.DoubleBar:
                return ParseNorm();
            case TokenKind.Symbol:
                return ParseBracketed(t);
            case TokenKind.Command:
                return ParseCommand(t);
            default:
                throw Unexpected(t);
        }
    }

    private Expr ParseBracketed(Token t)
    {
        switch (t.Text)
        {
            case "(":
            {
                _p++;
                var e = ParseExpr();
                Expect(")");
                // The span covers the parentheses, so a quoted link keeps its closing delimiter.
                return e with { Start = t.Start, End = _t[_p - 1].End };
            }
            case "{":
            {
                _p++;
                var e = ParseExpr();
                Expect("}");
                return e with { Start = t.Start, End = _t[_p - 1].End };
            }
            case "|":
            {
                _p++;
                _absDepth++;
                var e = ParseExpr();
                _absDepth--;
                Expect("|");
                return new FunctionExpr("abs", [e], t.Start, _t[_p - 1].End);
            }
            case "[":
            {
                _p++;
                if (TryParseEllipsisList(_p, "]", t.Start, out int closer) is { } list)
                {
                    _p = closer;
                    Expect("]");
                    return list with { Start = t.Start, End = _t[_p - 1].End };
                }
                var items = new List<Expr> { ParseExpr() };
                while (Peek.IsSymbol(",")) { _p++; items.Add(ParseExpr()); }
                Expect("]");
                if (items.Count == 1) return items[0] with { Start = t.Start, End = _t[_p - 1].End };
                return new MatrixExpr([items], t.Start, _t[_p - 1].End);
            }
            default:
                throw Unexpected(t);
        }
    }

    private Expr ParseNorm()
    {
        var t = Next();
        _normDepth++;
        var e = ParseExpr();
        _normDepth--;
        if (Peek.Kind != TokenKind.DoubleBar) throw new CalcException("unclosed norm", t.Start, Peek.End);
        _p++;
        string name = "norm";
        if (Peek.IsSymbol("_"))
        {
            _p++;
            var sub = ReadGroup();
            string text = string.Concat(sub.Where(s => !s.IsSymbol("{") && !s.IsSymbol("}") && !s.IsCommand("text") && !s.IsCommand("textrm")).Select(s => s.Text));
            name = text switch
            {
                "2" => "norm2",
                "F" or "Frob" or "fro" => "normF",
                "1" => "norm1",
                "infty" or "\\infty" or "max" => "normInf",
                _ => throw new CalcException($"unsupported norm '_{text}'", t.Start, _t[_p - 1].End),
            };
        }
        return new FunctionExpr(name, [e], t.Start, _t[_p - 1].End);
    }

    private static bool IsDots(string command) => command is "ldots" or "cdots" or "dots";

    /// <summary>
    /// <c>\ldots x_i \ldots</c>, as in <c>diag(\ldots \frac{1}{x_i} \ldots)</c>: the column vector of the entries over the
    /// one free index, as long as the vectors it indexes (the evaluator checks both).
    /// </summary>
    private Expr ParseEntries(Token t)
    {
        _p++;
        _dotsDepth++;
        Expr body;
        try { body = ParseExpr(); }
        finally { _dotsDepth--; }
        if (!(Peek.Kind == TokenKind.Command && IsDots(Peek.Text)))
            throw new CalcException("'\\ldots' is read only around one entry with an index, as in diag(\\ldots x_i \\ldots)", t.Start, t.End);
        _p++;
        return new FunctionExpr("entries", [body], t.Start, _t[_p - 1].End);
    }

    private Expr ParseCommand(Token t)
    {
        string name = t.Text;
        if (name is "frac" or "dfrac" or "tfrac") return ParseFrac();
        if (name == "sqrt") return ParseSqrt();
        if (name == "sum") return ParseSum();
        if (name == "prod") return ParseSum() switch
        {
            SumExpr s => s with { Product = true },
            FunctionExpr f => f with { Name = "prod" },
            var other => other,
        };
        if (name == "nabla") return ParseNabla();
        if (IsDots(name) && _dotsDepth == 0) return ParseEntries(t);
        if (name == "begin") return ParseEnvironment();
        if (name is "operatorname" or "text" or "textrm" or "mathop")
        {
            _p++;
            var group = ReadGroup();
            string word = string.Concat(group.Select(g => g.Kind == TokenKind.Command ? g.Text : g.Text)).Trim();
            if (Peek.IsSymbol("*")) _p++;
            if (!OperatorNames.TryGetValue(word, out var builtin))
                throw new CalcException($"unsupported operator '{word}'", t.Start, _t[_p - 1].End);
            return ParseBuiltin(builtin, t);
        }
        if (BuiltinCommands.TryGetValue(name, out var b)) { _p++; return ParseBuiltin(b, t); }
        if (name is "pi" && !_settings.Variables.Contains("\\pi")) { _p++; return new NumberExpr(Math.PI, t.Start, t.End); }
        if (name is "infty") throw new CalcException("infinity is not supported", t.Start, t.End);
        if (Greek.Contains(name) || BoldCommands.Contains(name) || Accents.Contains(name)) return ParseSymbolOrCall();
        throw new CalcException($"unsupported construct '\\{name}'", t.Start, t.End);
    }

    private Expr ParseSqrt()
    {
        var t = Next();
        Expr? root = null;
        if (Peek.IsSymbol("["))
        {
            _p++;
            root = ParseExpr();
            Expect("]");
        }
        var arg = ParseSubExpr(ReadGroup());
        int end = _t[_p - 1].End;
        if (root == null) return new FunctionExpr("sqrt", [arg], t.Start, end);
        return new PowerExpr(arg, new BinaryExpr("/", new NumberExpr(1, t.Start, t.Start), root, t.Start, end), t.Start, end);
    }

    /// <summary>Built-in function: <c>\sin x</c>, <c>\sin^2 x</c>, <c>\max(0, x)</c>, <c>\det \mathbf{X}</c>.</summary>
    private Expr ParseBuiltin(string name, Token t)
    {
        Expr? power = null;
        if (Peek.IsSymbol("^"))
        {
            _p++;
            power = ParseSubExpr(ReadGroup());
        }
        if (Peek.IsSymbol("_")) throw new CalcException($"subscripted '{name}' is not supported", t.Start, Peek.End);
        var args = new List<Expr>();
        // diag(e_1, e_2, \ldots, e_n): the diagonal of the list's entries (TryParseEllipsisList).
        if (name == "diag" && Peek.IsSymbol("(") && TryParseEllipsisList(_p + 1, ")", Peek.Start, out int closer) is { } listed)
        {
            _p = closer + 1;
            args.Add(listed is TransposeExpr tr ? tr.Operand : listed);
        }
        else if (Peek.IsSymbol("("))
        {
            _p++;
            args.Add(ParseExpr());
            while (Peek.IsSymbol(",")) { _p++; args.Add(ParseExpr()); }
            Expect(")");
        }
        else if (Peek.IsSymbol("{"))
        {
            args.Add(ParseSubExpr(ReadGroup()));
        }
        else
        {
            // \ln x, \sin 2x, \operatorname{tr} \mathbf{A}\mathbf{X}: juxtaposed factors without operators.
            int start = Peek.Start;
            if (!CanStartPrimary(Peek)) throw Unexpected(Peek);
            Expr arg = ParsePostfix();
            // \tanh x (1 - \tanh^2 x): a parenthesis after the argument starts a new factor, as readers take it.
            while (CanStartPrimary(Peek) && !IsFunctionStart(Peek) && !Peek.IsSymbol("("))
            {
                var right = ParsePostfix();
                arg = new BinaryExpr("juxt", arg, right, start, right.End);
            }
            args.Add(arg);
        }
        if (name is "max" or "min" ? args.Count != 2 : args.Count != 1)
            throw new CalcException($"wrong number of arguments for '{name}'", t.Start, _t[_p - 1].End);
        Expr call = new FunctionExpr(name, args, t.Start, _t[_p - 1].End);
        // \tanh^2(\mathbf{v}): of a vector, the function's values squared entry by entry; of a square matrix, a matrix power.
        if (power != null) call = new PowerExpr(call, power, t.Start, _t[_p - 1].End) { OfFunction = true };
        return call;
    }

    private static bool IsFunctionStart(Token t) =>
        t.Kind == TokenKind.Command && (BuiltinCommands.ContainsKey(t.Text) || t.Text is "operatorname" or "frac" or "sum" or "nabla");
}
