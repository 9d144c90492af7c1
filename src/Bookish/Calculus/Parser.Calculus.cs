namespace Bookish.Calculus;

internal sealed partial class Parser
{
    private static bool IsDifferential(Token t) => t.IsLetter("d") || t.IsCommand("partial") || t.IsCommand("mathrm");

    /// <summary><c>\frac{a}{b}</c>, or a derivative: <c>\frac{d}{dx} E</c>, <c>\frac{dy}{dx}</c>, <c>\frac{\partial E}{\partial v}</c>.</summary>
    private Expr ParseFrac()
    {
        var t = Next();
        var num = ReadGroup();
        var den = ReadGroup();
        int end = _t[_p - 1].End;
        // \mathrm{d} is tokenized as a group '{d}' after dropping \mathrm; normalise it.
        num = StripRomanD(num);
        den = StripRomanD(den);
        bool derivative = num.Count >= 1 && den.Count >= 2 && IsDifferential(num[0]) && IsDifferential(den[0]);
        if (!derivative) return new BinaryExpr("/", ParseSubExpr(num), ParseSubExpr(den), t.Start, end);
        // \frac{\partial^2 f}{\partial \mathbf{x} \partial \mathbf{x}^T}, \frac{d^2 y}{dx^2}: a second derivative.
        bool second = num.Count > 2 && num[1].IsSymbol("^");
        if (second)
        {
            if (!(num[2].Kind == TokenKind.Number && num[2].Text == "2"))
                throw new CalcException("derivatives above the second are not supported", t.Start, end);
            num = [num[0], .. num.Skip(3)];
        }
        var varParser = Sub(UnwrapGroup(den.Skip(1).ToList()));
        var variables = new List<Expr> { varParser.ParseDenominatorVariable() };
        bool squared = false;
        if (varParser.Peek.IsSymbol("^"))
        {
            varParser._p++;
            var power = varParser.ReadGroup();
            if (power.Count == 1 && power[0].Kind == TokenKind.Number && power[0].Text == "2") squared = true;
            else if (!second || !(power.Count == 1 && (power[0].IsLetter("T") || power[0].IsCommand("top")))) throw new CalcException("unsupported power in the denominator of a derivative", t.Start, end);
        }
        if (varParser.Peek.Kind != TokenKind.End && IsDifferential(varParser.Peek))
        {
            varParser._p++;
            variables.Add(varParser.ParseVariable());
            if (varParser.Peek.IsSymbol("^"))
            {
                varParser._p++;
                var power = varParser.ReadGroup();
                if (!(power.Count == 1 && (power[0].IsLetter("T") || power[0].IsCommand("top")))) throw new CalcException("unsupported power in the denominator of a derivative", t.Start, end);
            }
        }
        if (varParser.Peek.Kind != TokenKind.End)
            throw new CalcException("unsupported denominator of a derivative", t.Start, end);
        if (squared) variables.Add(variables[0]);
        if (second != (variables.Count == 2))
            throw new CalcException(second ? "a second derivative needs two variables below (\\partial x^2 or \\partial x \\partial y)" : "mixed partial derivatives need \\partial^2 above", t.Start, end);
        if (num.Count > 1)
        {
            var operand = ParseSubExpr(num.Skip(1).ToList());
            return new DerivativeExpr(operand, variables, false, t.Start, end) { Second = second, Partial = num[0].IsCommand("partial") };
        }
        // The operator binds like a product: \frac{d}{dx} x + \frac{d}{dx} x^2 is a sum of two derivatives.
        var op = ParseTerm();
        return new DerivativeExpr(op, variables, false, t.Start, op.End) { Second = second, Partial = num[0].IsCommand("partial") };
    }

    /// <summary>A variable below a derivative: <c>\mathbf{x}</c>, <c>x_1</c>, or <c>\operatorname{vec}(\mathbf{X})</c>.</summary>
    private Expr ParseDenominatorVariable()
    {
        if (Peek.IsCommand("operatorname") || Peek.IsCommand("mathrm"))
        {
            int start = Peek.Start;
            _p++;
            var word = string.Concat(ReadGroup().Select(g => g.Text));
            if (word != "vec") throw new CalcException($"cannot differentiate with respect to '{word}'", start, _t[_p - 1].End);
            bool paren = Peek.IsSymbol("(");
            if (paren) _p++;
            var v = ParseVariable();
            if (paren) Expect(")");
            return new FunctionExpr("vec", [v], start, _t[_p - 1].End);
        }
        return ParseVariable();
    }

    /// <summary><c>\partial {x_1}</c>: braces around the whole variable below a derivative are dropped.</summary>
    private static List<Token> UnwrapGroup(List<Token> g)
    {
        if (g.Count < 2 || !g[0].IsSymbol("{") || !g[^1].IsSymbol("}")) return g;
        int depth = 0;
        for (int i = 0; i < g.Count; i++)
        {
            if (g[i].IsSymbol("{")) depth++;
            else if (g[i].IsSymbol("}") && --depth == 0 && i < g.Count - 1) return g;
        }
        return g[1..^1];
    }

    private static List<Token> StripRomanD(List<Token> g)
    {
        if (g.Count >= 3 && g[0].IsSymbol("{") && g[1].IsLetter("d") && g[2].IsSymbol("}"))
            return [g[1], .. g.Skip(3)];
        return g;
    }

    /// <summary><c>\nabla_{\mathbf{w}} E</c>, or <c>\nabla f(x, y)</c> (gradient over the call's arguments).</summary>
    private Expr ParseNabla()
    {
        var t = Next();
        bool second = false;
        if (Peek.IsSymbol("^"))
        {
            // \nabla^2 f: the Hessian (\nabla^2 alone is the Laplacian for some authors: only with a scalar result it is not used).
            _p++;
            var power = ReadGroup();
            if (!(power.Count == 1 && power[0].Kind == TokenKind.Number && power[0].Text == "2")) throw new CalcException("unsupported power of \\nabla", t.Start, _t[_p - 1].End);
            second = true;
        }
        if (Peek.IsSymbol("_"))
        {
            _p++;
            var group = ReadGroup();
            if (!second && Peek.IsSymbol("^"))
            {
                _p++;
                var power = ReadGroup();
                if (!(power.Count == 1 && power[0].Kind == TokenKind.Number && power[0].Text == "2")) throw new CalcException("unsupported power of \\nabla", t.Start, _t[_p - 1].End);
                second = true;
            }
            var sub = Sub(group);
            var vars = new List<Expr> { sub.ParseVariable() };
            while (sub.Peek.IsSymbol(",")) { sub._p++; vars.Add(sub.ParseVariable()); }
            if (sub.Peek.Kind != TokenKind.End) throw new CalcException("unsupported \\nabla subscript", t.Start, _t[_p - 1].End);
            var operand = ParseTerm();
            if (second)
            {
                if (vars.Count != 1) throw new CalcException("\\nabla^2 needs one variable", t.Start, operand.End);
                return new DerivativeExpr(operand, [vars[0], vars[0]], false, t.Start, operand.End) { Second = true };
            }
            return new DerivativeExpr(operand, vars, true, t.Start, operand.End);
        }
        if (second)
        {
            // \nabla^2 f(\mathbf{x}): the Hessian with respect to the call's one argument.
            var c2 = ParsePostfix();
            if (c2 is not CallExpr { Args: [var only], Primes: 0 }) throw new CalcException("\\nabla^2 needs a subscript or a call of one argument such as \\nabla^2 f(\\mathbf{x})", t.Start, c2.End);
            return new DerivativeExpr(c2, [only, only], false, t.Start, c2.End) { Second = true };
        }
        var call = ParsePostfix();
        if (call is not CallExpr c || c.Primes > 0)
            throw new CalcException("\\nabla without a subscript needs a function call such as \\nabla f(x, y)", t.Start, call.End);
        return new DerivativeExpr(call, [], true, t.Start, call.End);
    }

    /// <summary><c>\sum_{i=1}^{n} body</c>; without limits, <c>\sum \mathbf{x}</c> sums the entries.</summary>
    private Expr ParseSum()
    {
        var t = Next();
        if (!Peek.IsSymbol("_"))
        {
            var arg = ParsePostfix();
            return new FunctionExpr("sum", [arg], t.Start, arg.End);
        }
        _p++;
        var lower = ReadGroup();
        int eq = lower.FindIndex(x => x.IsSymbol("="));
        if (lower.Count == 1 && lower[0].Kind == TokenKind.Letter && !Peek.IsSymbol("^"))
        {
            // \sum_i x_i: the index runs over the length of the vector it indexes.
            var b = ParseTerm();
            return new SumExpr(lower[0].Text, new NumberExpr(1, t.Start, t.Start), null, b, t.Start, b.End);
        }
        if (eq != 1 || lower[0].Kind != TokenKind.Letter)
            throw new CalcException("a sum needs an index such as _{i=1}", t.Start, _t[_p - 1].End);
        string index = lower[0].Text;
        var from = ParseSubExpr(lower.Skip(2).ToList());
        Expr? to = null;
        if (Peek.IsSymbol("^")) { _p++; to = ParseSubExpr(ReadGroup()); }
        var body = ParseTerm();
        return new SumExpr(index, from, to, body, t.Start, body.End);
    }

    /// <summary><c>\begin{bmatrix} a &amp; b \\ c &amp; d \end{bmatrix}</c> (also pmatrix, matrix, vmatrix = determinant).</summary>
    /// <summary>
    /// <c>\begin{cases} 0 &amp; z \leq 0 \\ 1 &amp; z > 0 \end{cases}</c>: one piece per row, a value (or a chain of equal
    /// values, <c>\frac{dz}{dz} = 1</c>) and a comparison of two scalars. The evaluator picks the piece whose condition
    /// holds, and says nothing (NaN: the point is skipped) near a switch or where no piece holds.
    /// </summary>
    private Expr ParseCases(Token t)
    {
        var pieces = new List<Expr>();
        while (!Peek.IsCommand("end"))
        {
            int start = Peek.Start;
            var links = new List<Expr> { ParseExpr() };
            while (Peek.IsSymbol("=")) { _p++; links.Add(ParseExpr()); }
            if (!Peek.IsSymbol("&")) throw new CalcException("a case needs '& condition', as in '1 & x > 0'", start, Peek.End);
            _p++;
            var lhs = ParseExpr();
            string op = Peek switch
            {
                { Kind: TokenKind.Symbol, Text: "<" } or { Kind: TokenKind.Command, Text: "lt" } => "lt",
                { Kind: TokenKind.Symbol, Text: ">" } or { Kind: TokenKind.Command, Text: "gt" } => "gt",
                { Kind: TokenKind.Command, Text: "leq" or "le" } => "le",
                { Kind: TokenKind.Command, Text: "geq" or "ge" } => "ge",
                _ => throw new CalcException("a case's condition must compare with <, >, \\leq or \\geq", Peek.Start, Peek.End),
            };
            _p++;
            var rhs = ParseExpr();
            pieces.Add(new FunctionExpr("case" + op, [lhs, rhs, .. links], start, _t[_p - 1].End));
            if (Peek.Kind == TokenKind.RowSeparator) { _p++; continue; }
            if (!Peek.IsCommand("end")) throw Unexpected(Peek);
        }
        _p++;
        ReadGroup();
        if (pieces.Count == 0) throw new CalcException("empty cases", t.Start, _t[_p - 1].End);
        return new FunctionExpr("cases", pieces, t.Start, _t[_p - 1].End);
    }

    private Expr ParseEnvironment()
    {
        var t = Next();
        string env = string.Concat(ReadGroup().Select(g => g.Text));
        if (env == "cases") return ParseCases(t);
        if (!CalculusTables.Environments.Contains(env))
            throw new CalcException($"unsupported environment '{env}'", t.Start, _t[_p - 1].End);
        if (env != "vmatrix" && TryParseEllipsisList(_p, null, t.Start, out int closer) is { } list)
        {
            _p = closer + 1;
            ReadGroup();
            return list;
        }
        var rows = new List<IReadOnlyList<Expr>>();
        var row = new List<Expr>();
        while (true)
        {
            row.Add(ParseExpr());
            if (Peek.IsSymbol("&")) { _p++; continue; }
            if (Peek.Kind == TokenKind.RowSeparator)
            {
                _p++;
                rows.Add(row);
                row = [];
                if (Peek.IsCommand("end")) break;
                continue;
            }
            if (Peek.IsCommand("end")) { rows.Add(row); break; }
            throw Unexpected(Peek);
        }
        _p++;
        ReadGroup();
        int end = _t[_p - 1].End;
        var m = new MatrixExpr(rows, t.Start, end);
        return env == "vmatrix" ? new FunctionExpr("det", [m], t.Start, end) : m;
    }
}
