namespace Bookish.Calculus;

/// <summary>Checks one claim numerically: parse, sample points, compare each link of the chain with the derivative.</summary>
internal static class ClaimChecker
{
    public const double RelTol = 1e-6;
    public const double AbsTol = 1e-9;
    private const int MaxRounds = 30;

    public static Verdict Check(string declare, string define, string claim, Layout layout, CheckOptions options)
    {
        using var budget = EvalBudget.Enter(new EvalBudget(EvalBudget.ClaimSteps));
        string part = "declare";
        string text = declare;
        try
        {
            var decls = DeclarationParser.Parse(declare);
            part = "define"; text = define;
            var functions = new HashSet<string>();
            var defs = DefinitionParser.Parse(define, decls, functions);
            decls = decls.Without(defs.Select(d => d.Name).ToHashSet());
            part = "claim"; text = claim;
            // Aliases (y = …, u_1 = …) are names too: u_1 is the alias, not entry 1 of u.
            var variables = new HashSet<string>(decls.Symbols.Select(s => s.Name).Concat(decls.Sizes.Keys).Concat(defs.Where(d => d.Parameters.Count == 0).Select(d => d.Name)));
            var chain = Parser.ParseChain(claim, new ParseSettings(functions, variables));
            if (chain.Count < 2) return new Verdict(VerdictKind.NotCheckable, "a claim needs a derivative and at least one '= …'", Part: part);
            int reference = chain.FindIndex(ContainsDerivative);
            if (reference < 0) return new Verdict(VerdictKind.NotCheckable, "the claim contains no derivative", Part: part);
            if (options.Auto && !options.ExplicitDependence && !chain.Where(ContainsDerivative).All(DependsOnItsVariables))
                return new Verdict(VerdictKind.NotCheckable, "a differentiated expression does not mention its variable (implicit dependence?)", Part: part);
            var definitions = new Dictionary<string, FunctionDefinition>();
            foreach (var d in defs) definitions[d.Name] = d;
            var evaluator = new Evaluator(definitions, decls.Sizes, layout, decls.ElementwiseOtimes) { ElementwiseFunctions = decls.ElementwiseFunctions };
            var rng = new Mulberry32(options.Seed);
            bool nabla = chain[reference] is DerivativeExpr { Nabla: true };
            int valid = 0;
            var mismatches = new int[chain.Count];
            Verdict? firstRefutation = null;
            for (int round = 0; round < MaxRounds && valid < options.Points; round++)
            {
                part = "declare"; text = declare;
                evaluator.StepScale = 1;
                var env = Sampler.Sample(decls, rng, evaluator);
                if (env == null) return new Verdict(VerdictKind.NotCheckable, "no sample point satisfies the domain constraints", Part: part);
                part = "claim"; text = claim;
                var expected = evaluator.Eval(chain[reference], env);
                if (expected.IsLazy || expected.HasNaN) continue;
                var links = new List<Value>();
                bool usable = true;
                for (int k = 0; k < chain.Count && usable; k++)
                {
                    var v = k == reference ? expected : evaluator.Eval(chain[k], env);
                    if (v.IsLazy && expected.IsScalar) v = Value.Scalar(v.Lazy == "zero" ? 0 : double.NaN);
                    if (v.IsLazy) v = TryMaterialize(v, expected);
                    if (!v.IsLazy && v.HasNaN) usable = false;
                    links.Add(v);
                }
                if (!usable) continue;
                bool pointCounted = true;
                for (int k = 0; k < chain.Count; k++)
                {
                    if (k == reference) continue;
                    var claimed = AlignShape(expected, links[k], nabla);
                    if (claimed == null)
                    {
                        if (options.Auto) return new Verdict(VerdictKind.NotCheckable, $"shapes differ: derivative {expected.ShapeText}, link {k} {links[k].ShapeText} (layout unclear)", Part: part);
                        return new Verdict(VerdictKind.Refuted,
                            $"wrong shape: the derivative is {expected.ShapeText} in {layout.ToString().ToLowerInvariant()} layout, but '{Source(claim, chain[k])}' is {links[k].ShapeText}",
                            MakeCounterexample(env, decls, definitions, chain, k, claim, expected, links[k], -1)) { PointsChecked = valid + 1 };
                    }
                    int bad = FirstMismatch(expected, claimed, RelTol);
                    if (bad < 0) continue;
                    // Confirm with a smaller step: a kink or bad conditioning makes the numbers unstable; then skip the point.
                    evaluator.StepScale = 0.25;
                    var expected2 = evaluator.Eval(chain[reference], env);
                    var claimed2 = AlignShape(expected2, k == reference ? expected2 : MaterializeLike(evaluator.Eval(chain[k], env), expected2), nabla);
                    evaluator.StepScale = 1;
                    if (claimed2 == null || expected2.HasNaN || claimed2.HasNaN
                        || FirstMismatch(expected, expected2, 1e-5) >= 0 || FirstMismatch(claimed, claimed2, 1e-5) >= 0)
                    {
                        pointCounted = false;
                        break;
                    }
                    bad = FirstMismatch(expected2, claimed2, RelTol);
                    if (bad < 0) continue;
                    mismatches[k]++;
                    firstRefutation ??= new Verdict(VerdictKind.Refuted,
                        $"'{Source(claim, chain[k])}' differs from the derivative" + (IsNegation(expected2, claimed2) ? " by its sign (a sign error: it is minus the derivative)" : ""),
                        MakeCounterexample(env, decls, definitions, chain, k, claim, expected2, claimed2, bad));
                    if (!options.Auto) return firstRefutation with { PointsChecked = valid + 1 };
                }
                if (pointCounted) valid++;
            }
            if (valid < 2)
                return new Verdict(VerdictKind.NotCheckable, "no sample point where the derivative and the claim are both defined", Part: part) { PointsChecked = valid };
            if (firstRefutation != null)
            {
                if (mismatches.Any(m => m == valid) && valid >= 3) return firstRefutation with { PointsChecked = valid };
                return new Verdict(VerdictKind.NotCheckable, "the claim fails at some points only (unsure)", Part: part) { PointsChecked = valid };
            }
            return new Verdict(VerdictKind.Verified, $"verified at {valid} random points", Part: null) { PointsChecked = valid };
        }
        catch (CalcException ex)
        {
            string? offending = ex.SourceStart >= 0 && ex.SourceEnd <= text.Length && ex.SourceEnd > ex.SourceStart ? text[ex.SourceStart..ex.SourceEnd] : null;
            string message = part == "claim" && offending != null ? ex.Reason : $"{part}: {ex.Reason}";
            return new Verdict(VerdictKind.NotCheckable, message, null, part, ex.SourceStart, ex.SourceEnd, offending) { TooLarge = ex.TooLarge };
        }
    }

    /// <summary>Sizes a lazy constant like the derivative; when impossible it stays lazy and fails the shape check.</summary>
    private static Value TryMaterialize(Value v, Value like)
    {
        try { return Ops.Materialize(v, like.Rows, like.Cols); }
        catch (CalcException) { return v; }
    }

    private static Value MaterializeLike(Value v, Value like) =>
        v.IsLazy && !like.IsScalar ? Ops.Materialize(v, like.Rows, like.Cols) : v.IsLazy ? Value.Scalar(v.Lazy == "zero" ? 0 : double.NaN) : v;

    /// <summary>Auto mode: every derivative's operand must mention its variable, else the dependence is implicit (prose).</summary>
    private static bool DependsOnItsVariables(Expr e) => e switch
    {
        DerivativeExpr d => d.Variables.All(v => (v is SymbolExpr s && Names(d.Operand).Contains(s.Name)) || (v is IndexExpr i && Names(d.Operand).Contains(i.Target.Name))) && (d.Variables.Count > 0 || d.Operand is CallExpr),
        _ => Children(e).All(DependsOnItsVariables),
    };

    private static HashSet<string> Names(Expr e)
    {
        var set = new HashSet<string>();
        void Walk(Expr x)
        {
            if (x is SymbolExpr s) set.Add(s.Name);
            if (x is IndexExpr i) set.Add(i.Target.Name);
            foreach (var c in Children(x)) Walk(c);
        }
        Walk(e);
        return set;
    }

    internal static IEnumerable<Expr> Children(Expr e) => e switch
    {
        IndexExpr i => i.Indices,
        NegateExpr n => [n.Operand],
        BinaryExpr b => [b.Left, b.Right],
        PowerExpr p => [p.Base, p.Exponent],
        TransposeExpr t => [t.Operand],
        CallExpr c => c.Args,
        FunctionExpr f => f.Args,
        MatrixExpr m => m.Rows.SelectMany(r => r),
        SumExpr s => s.To == null ? [s.From, s.Body] : [s.From, s.To, s.Body],
        ConstantExpr c => c.Size == null ? [] : [c.Size],
        DerivativeExpr d => [d.Operand, .. d.Variables],
        _ => [],
    };

    internal static bool ContainsDerivative(Expr e) => e switch
    {
        DerivativeExpr => true,
        CallExpr c => c.Primes > 0 || c.Args.Any(ContainsDerivative),
        NegateExpr n => ContainsDerivative(n.Operand),
        BinaryExpr b => ContainsDerivative(b.Left) || ContainsDerivative(b.Right),
        PowerExpr p => ContainsDerivative(p.Base) || ContainsDerivative(p.Exponent),
        TransposeExpr t => ContainsDerivative(t.Operand),
        FunctionExpr f => f.Args.Any(ContainsDerivative),
        MatrixExpr m => m.Rows.Any(r => r.Any(ContainsDerivative)),
        SumExpr s => ContainsDerivative(s.Body),
        _ => false,
    };

    /// <summary>The claim in the derivative's shape, or null; a gradient (\nabla) may be written as a row or a column.</summary>
    private static Value? AlignShape(Value expected, Value claimed, bool nabla)
    {
        if (claimed.IsLazy) return null;
        if (expected.IsScalar || claimed.IsScalar) return expected.IsScalar && claimed.IsScalar ? claimed : null;
        if (expected.Rows == claimed.Rows && expected.Cols == claimed.Cols) return claimed;
        if (nabla && expected.IsVectorLike && claimed.IsVectorLike && expected.Data.Length == claimed.Data.Length) return MatrixOps.Transpose(claimed);
        return null;
    }

    /// <summary>Index of the first entry where |a−b| exceeds rel·max(|a|,|b|) + abs·(1 + largest entry), or −1.</summary>
    internal static int FirstMismatch(Value a, Value b, double rel)
    {
        if (a.Data.Length != b.Data.Length) return 0;
        double scale = 0;
        for (int i = 0; i < a.Data.Length; i++) scale = Math.Max(scale, Math.Max(Math.Abs(a.Data[i]), Math.Abs(b.Data[i])));
        for (int i = 0; i < a.Data.Length; i++)
        {
            double x = a.Data[i], y = b.Data[i];
            if (!(Math.Abs(x - y) <= rel * Math.Max(Math.Abs(x), Math.Abs(y)) + AbsTol * (1 + scale))) return i;
        }
        return -1;
    }

    private static string Source(string text, Expr e) =>
        e.Start >= 0 && e.End <= text.Length && e.End > e.Start ? text[e.Start..e.End].Trim() : "";

    /// <summary>Claimed = −expected at every entry (and the derivative is not zero): the author's sign is wrong.</summary>
    internal static bool IsNegation(Value expected, Value claimed)
    {
        if (expected.Data.Length != claimed.Data.Length || expected.Data.All(x => Math.Abs(x) <= AbsTol)) return false;
        var negated = Value.Matrix(claimed.Rows, claimed.Cols, claimed.Data.Select(x => -x).ToArray());
        return FirstMismatch(expected, expected.IsScalar ? Value.Scalar(-claimed.Data[0]) : negated, RelTol) < 0;
    }

    /// <summary>The symbols the claim reaches: its own, and those of the definitions it calls (transitively).</summary>
    private static HashSet<string> UsedNames(IEnumerable<Expr> chain, IReadOnlyDictionary<string, FunctionDefinition> definitions)
    {
        var used = new HashSet<string>();
        var seen = new HashSet<string>();
        void Walk(Expr x)
        {
            var name = x switch { SymbolExpr s => s.Name, IndexExpr i => i.Target.Name, CallExpr c => c.Name, FunctionExpr f => f.Name, _ => null };
            if (name is not null)
            {
                used.Add(name);
                if (definitions.TryGetValue(name, out var d) && seen.Add(name)) Walk(d.Body);
            }
            foreach (var c in Children(x)) Walk(c);
        }
        foreach (var e in chain) Walk(e);
        return used;
    }

    private static Counterexample MakeCounterexample(Dictionary<string, Value> env, Declarations decls, IReadOnlyDictionary<string, FunctionDefinition> definitions, List<Expr> chain, int k, string claim, Value expected, Value claimed, int bad)
    {
        // Only the symbols the claim uses, each once (a block's other declarations are noise in the message).
        var used = UsedNames(chain, definitions);
        var symbols = decls.Symbols.Where(s => used.Contains(s.Name)).DistinctBy(s => s.Name).ToList();
        if (symbols.Count == 0) symbols = decls.Symbols.DistinctBy(s => s.Name).ToList();
        var point = symbols.Select(s => new NamedValue(s.Name, Format.Of(env[s.Name]))).ToList();
        int cols = expected.IsScalar ? 1 : expected.Cols;
        int row = bad < 0 ? 0 : bad / cols + 1, col = bad < 0 ? 0 : bad % cols + 1;
        return new Counterexample(point, k, Source(claim, chain[k]), Format.Of(expected), Format.Of(claimed), row, col,
            bad < 0 ? null : expected.Data[bad], bad < 0 ? null : claimed.Data[bad]);
    }
}
