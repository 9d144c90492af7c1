namespace Bookish.Calculus;

/// <summary>Recursive-descent parser from the LaTeX subset to <see cref="Expr"/>; throws <see cref="CalcException"/> on bad input.</summary>
internal sealed partial class Parser
{
    private static readonly System.Collections.Frozen.FrozenSet<string> NotPrimary = CalculusTables.NotPrimary;

    private readonly List<Token> _t;
    private readonly string _src;
    private readonly ParseSettings _settings;
    private int _p;
    private int _absDepth;
    private int _normDepth;
    private int _dotsDepth;

    /// <summary>Longer expressions are refused: every later walk over the tree stays small.</summary>
    private const int MaxTokens = 50_000;

    private Parser(List<Token> tokens, string src, ParseSettings settings)
    {
        if (tokens.Count > MaxTokens) throw new CalcException($"expression too long ({tokens.Count:N0} tokens; at most {MaxTokens:N0})", 0, 0) { TooLarge = true };
        _t = tokens;
        _src = src;
        _settings = settings;
    }

    public static Expr Parse(string src, ParseSettings settings)
    {
        var parser = new Parser(Tokenizer.Tokenize(src), src, settings);
        var e = parser.ParseExpr();
        parser.ExpectEnd();
        return e;
    }

    /// <summary>Parses an equality chain <c>a = b = c</c> into its members.</summary>
    public static List<Expr> ParseChain(string src, ParseSettings settings)
    {
        var parser = new Parser(Tokenizer.Tokenize(src), src, settings);
        var list = new List<Expr> { parser.ParseExpr() };
        while (parser.Peek.IsSymbol("=")) { parser._p++; list.Add(parser.ParseExpr()); }
        parser.ExpectEnd();
        return list;
    }

    private Token Peek => _t[_p];
    private Token PeekAt(int k) => _t[Math.Min(_p + k, _t.Count - 1)];
    private Token Next() => _t[_p++];

    private void ExpectEnd()
    {
        if (Peek.Kind != TokenKind.End) throw Unexpected(Peek);
    }

    private CalcException Unexpected(Token t) => t.Kind == TokenKind.End
        ? new CalcException("unexpected end of expression", t.Start, t.End)
        : new CalcException($"unsupported or unexpected '{_src[t.Start..t.End]}'", t.Start, t.End);

    private void Expect(string symbol)
    {
        if (!Peek.IsSymbol(symbol)) throw new CalcException($"expected '{symbol}'", Peek.Start, Peek.End);
        _p++;
    }

    private Parser Sub(List<Token> tokens)
    {
        var copy = new List<Token>(tokens) { new(TokenKind.End, "", tokens.Count > 0 ? tokens[^1].End : Peek.Start, tokens.Count > 0 ? tokens[^1].End : Peek.Start) };
        return new Parser(copy, _src, _settings) { _nesting = _nesting };
    }

    private Expr ParseSubExpr(List<Token> tokens)
    {
        var sub = Sub(tokens);
        var e = sub.ParseExpr();
        sub.ExpectEnd();
        return e;
    }

    /// <summary>Reads a braced group (or a single token) and returns its tokens without the braces.</summary>
    private List<Token> ReadGroup()
    {
        var t = Next();
        // TeX reads J_\mathbf{w} as J_{\mathbf{w}}: a font command takes its argument along into the group.
        if (t.Kind == TokenKind.Command && FontCommands.Contains(t.Text) && Peek.IsSymbol("{"))
        {
            Next();
            return [t, new Token(TokenKind.Symbol, "{", t.End, t.End + 1), .. ReadGroupRest(t), new Token(TokenKind.Symbol, "}", t.End, t.End)];
        }
        if (!t.IsSymbol("{")) return t.Kind == TokenKind.End ? throw Unexpected(t) : [t];
        return ReadGroupRest(t);
    }

    private static readonly HashSet<string> FontCommands = ["mathbf", "boldsymbol", "bm", "vec", "mathrm", "mathit", "operatorname", "text", "mathsf"];

    private List<Token> ReadGroupRest(Token t)
    {
        int depth = 1;
        var list = new List<Token>();
        while (true)
        {
            var u = Next();
            if (u.Kind == TokenKind.End) throw new CalcException("unbalanced braces", t.Start, u.End);
            if (u.IsSymbol("{")) depth++;
            if (u.IsSymbol("}") && --depth == 0) return list;
            list.Add(u);
        }
    }

    /// <summary>Brackets, signs and commands nested deeper than this are refused (not checkable), never a stack overflow.</summary>
    private const int MaxNesting = 500;
    private int _nesting;

    public Expr ParseExpr()
    {
        if (++_nesting > MaxNesting) throw new CalcException("expression nested too deeply", Peek.Start, Peek.End) { TooLarge = true };
        try { return ParseAdditive(); }
        finally { _nesting--; }
    }

    private Expr ParseAdditive()
    {
        int start = Peek.Start;
        var left = ParseTerm();
        while (Peek.IsSymbol("+") || Peek.IsSymbol("-"))
        {
            string op = Next().Text;
            var right = ParseTerm();
            left = new BinaryExpr(op, left, right, start, right.End);
        }
        return left;
    }

    private Expr ParseTerm()
    {
        int start = Peek.Start;
        var left = ParseUnary();
        while (true)
        {
            var t = Peek;
            string? op = t.Kind == TokenKind.Command ? t.Text switch
            {
                "cdot" => "cdot", "times" => "times", "odot" or "circ" => "odot", "oslash" => "oslash", "otimes" => "otimes",
                _ => null,
            } : t.IsSymbol("*") ? "cdot" : t.IsSymbol("/") ? "/" : null;
            if (op != null)
            {
                _p++;
                var right = ParseUnary();
                left = new BinaryExpr(op, left, right, start, right.End);
            }
            else if (CanStartPrimary(t))
            {
                var right = ParsePostfix();
                left = new BinaryExpr("juxt", left, right, start, right.End);
            }
            else return left;
        }
    }

    private bool CanStartPrimary(Token t) => t.Kind switch
    {
        TokenKind.Number or TokenKind.Letter => true,
        TokenKind.DoubleBar => _normDepth == 0,
        TokenKind.Command => !NotPrimary.Contains(t.Text) && !(_dotsDepth > 0 && IsDots(t.Text)),
        TokenKind.Symbol => t.Text is "(" or "[" or "{" || (t.Text == "|" && _absDepth == 0),
        _ => false,
    };

    private Expr ParseUnary()
    {
        // A run of signs is read in a loop: 100,000 minus signs nest no deeper than one.
        var signs = new List<Token>();
        while (Peek.IsSymbol("-") || Peek.IsSymbol("+")) signs.Add(Next());
        if (signs.Count > MaxNesting) throw new CalcException("too many signs in a row", signs[0].Start, signs[^1].End) { TooLarge = true };
        var e = ParsePostfix();
        for (var i = signs.Count - 1; i >= 0; i--)
            if (signs[i].IsSymbol("-")) e = new NegateExpr(e, signs[i].Start, e.End);
        return e;
    }

    private Expr ParsePostfix()
    {
        var e = ParsePrimary();
        while (Peek.IsSymbol("^")) e = ParseExponent(e);
        return e;
    }

    private Expr ParseExponent(Expr e)
    {
        _p++;
        var group = ReadGroup();
        var bare = group.Where(g => !g.IsSymbol("{") && !g.IsSymbol("}") && !g.IsCommand("mathsf") && !g.IsCommand("rm")).ToList();
        int end = _t[_p - 1].End;
        bool IsT(Token g) => g.IsLetter("T") || g.IsCommand("top") || g.IsCommand("intercal") || g.IsCommand("mathsf") ;
        if (bare.Count == 1 && IsT(bare[0])) return new TransposeExpr("T", e, e.Start, end);
        if (bare.Count == 2 && bare[0].IsSymbol("-") && IsT(bare[1])) return new TransposeExpr("-T", e, e.Start, end);
        // \mathbf{X}^+ and \mathbf{X}^\dagger: the Moore–Penrose pseudo-inverse.
        if (bare.Count == 1 && (bare[0].IsSymbol("+") || bare[0].IsCommand("dagger"))) return new FunctionExpr("pinv", [e], e.Start, end);
        if (bare.Count >= 1 && (bare[0].IsCommand("prime") || bare[0].IsSymbol("'")))
            throw new CalcException("prime in an exponent is not supported", e.Start, end);
        if (group.Count == 0) throw new CalcException("empty exponent", e.Start, end);
        var exponent = ParseSubExpr(group);
        return new PowerExpr(e, exponent, e.Start, end);
    }
}
