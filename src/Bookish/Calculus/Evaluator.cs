namespace Bookish.Calculus;

/// <summary>Double-precision evaluation of an <see cref="Expr"/> at a point; shapes are inferred and checked on the way.</summary>
internal sealed partial class Evaluator
{
    private readonly IReadOnlyDictionary<string, FunctionDefinition> _definitions;
    private readonly IReadOnlyDictionary<string, int> _sizes;
    private readonly bool _allowOtimes;
    private int _depth;
    private int _nesting;

    public Evaluator(IReadOnlyDictionary<string, FunctionDefinition> definitions, IReadOnlyDictionary<string, int> sizes, Layout layout, bool allowOtimes)
    {
        _definitions = definitions;
        _sizes = sizes;
        Layout = layout;
        _allowOtimes = allowOtimes;
    }

    public Layout Layout { get; }

    /// <summary>Declared <c>\text{functions element-wise}</c>: \exp, \sin … of a square matrix act entry by entry.</summary>
    public bool ElementwiseFunctions { get; init; }

    /// <summary>Multiplies the finite-difference step; the checker re-evaluates with a smaller step to confirm a mismatch.</summary>
    public double StepScale { get; set; } = 1;

    public Value Eval(Expr e, IReadOnlyDictionary<string, Value> env)
    {
        EvalBudget.Spend();
        if (++_nesting > EvalBudget.MaxDepth) { _nesting--; throw new CalcException("expression nested too deeply to evaluate"); }
        try
        {
            return EvalCore(e, env);
        }
        catch (CalcException ex) when (ex.SourceStart < 0)
        {
            throw new CalcException(ex.Reason, e.Start, e.End);
        }
        finally
        {
            _nesting--;
        }
    }

    private Value EvalCore(Expr e, IReadOnlyDictionary<string, Value> env) => e switch
    {
        NumberExpr n => Value.Scalar(n.Value),
        SymbolExpr s => Lookup(s, env),
        IndexExpr ix => Index(ix, env),
        NegateExpr neg => Ops.Scale(Eval(neg.Operand, env), -1),
        BinaryExpr { Op: "+" } b => Ops.Add(Eval(b.Left, env), Eval(b.Right, env), 1),
        BinaryExpr { Op: "-" } b => Ops.Add(Eval(b.Left, env), Eval(b.Right, env), -1),
        BinaryExpr b => Ops.Multiply(b.Op, Eval(b.Left, env), Eval(b.Right, env), _allowOtimes),
        PowerExpr p => Ops.Power(Eval(p.Base, env), Eval(p.Exponent, env), ElementwiseFunctions, p.OfFunction),
        TransposeExpr { Op: "T" } t => MatrixOps.Transpose(Eval(t.Operand, env)),
        TransposeExpr t => MatrixOps.Transpose(MatrixOps.Inverse(Eval(t.Operand, env))),
        CallExpr c => Call(c, env),
        FunctionExpr { Name: "entries", Args: [var body] } f => Entries(body, f, env),
        FunctionExpr { Name: "list", Args: [var body, var count] } f => List(body, count, f, env),
        FunctionExpr { Name: "cases" } f => Cases(f, env),
        FunctionExpr { Name: "diag", Args: [var a] } f when RunsOverOneIndex(a, env) => Builtins.Apply("diag", [Entries(a, f, env)], ElementwiseFunctions),
        FunctionExpr f => Builtins.Apply(f.Name, f.Args.Select(a => Eval(a, env)).ToList(), ElementwiseFunctions),
        MatrixExpr m => Ops.Blocks(m.Rows.Select(r => (IReadOnlyList<Value>)r.Select(x => Eval(x, env)).ToList()).ToList()),
        SumExpr s => Sum(s, env),
        ConstantExpr c => Constant(c, env),
        DerivativeExpr d => Derivative(d, env),
        _ => throw new CalcException("unsupported expression"),
    };

    private Value Lookup(SymbolExpr s, IReadOnlyDictionary<string, Value> env)
    {
        if (env.TryGetValue(s.Name, out var v)) return v;
        if (_definitions.TryGetValue(s.Name, out var def) && def.Parameters.Count == 0) return EvalDefinition(def, env);
        if (_sizes.TryGetValue(s.Name, out int size)) return Value.Scalar(size);
        if (s.Name == "e") return Value.Scalar(Math.E);
        throw new CalcException($"undeclared symbol '{s.Name}'");
    }

    private Value EvalDefinition(FunctionDefinition def, IReadOnlyDictionary<string, Value> env)
    {
        if (++_depth > 64) { _depth--; throw new CalcException($"definition of '{def.Name}' is recursive"); }
        try
        {
            return Eval(def.Body, env);
        }
        catch (CalcException ex)
        {
            throw new CalcException($"in the definition of {def.Name}: {ex.Reason}");
        }
        finally { _depth--; }
    }

    private Value Index(IndexExpr ix, IReadOnlyDictionary<string, Value> env)
    {
        // x_i may index the bold vector \mathbf{x}, as the matrix calculus paper writes it.
        var bold = $"\\mathbf{{{ix.Target.Name}}}";
        // A scalar x and a vector \mathbf{x} both declared: x_i with i running (a sum's or an \ldots's index) ranges over the
        // vector's entries; x_1 stays the scalar's (not checkable: u_1 may be an intermediate variable).
        // f_1 with \mathbf{f}(\mathbf{g}) = … defined and f itself nothing: an entry of the function written bare (dependence by name).
        var target = (!env.TryGetValue(ix.Target.Name, out var pv) || (pv.IsScalar && IsRunning(ix))) && env.TryGetValue(bold, out var bv) ? bv
            : pv == null && !_definitions.ContainsKey(ix.Target.Name) && Dependence(bold, env) is { } dv ? dv
            : Lookup(ix.Target, env);
        var idx = ix.Indices.Select(i => Eval(i, env)).ToList();
        if (idx.Any(i => !i.IsScalar || i.ScalarValue != Math.Round(i.ScalarValue)))
            throw new CalcException($"index of '{ix.Target.Name}' is not an integer");
        int a = (int)idx[0].ScalarValue - 1;
        if (idx.Count == 1 && (target.IsColumn || target.IsRow) && a >= 0 && a < target.Data.Length) return Value.Scalar(target.Data[a]);
        if (idx.Count == 2 && !target.IsScalar && !target.IsLazy)
        {
            int b = (int)idx[1].ScalarValue - 1;
            if (a >= 0 && a < target.Rows && b >= 0 && b < target.Cols) return Value.Scalar(target[a, b]);
        }
        throw new CalcException($"cannot index '{ix.Target.Name}' ({target.ShapeText}) here");
    }

    private readonly Dictionary<string, int> _running = [];

    private bool IsRunning(IndexExpr ix) => ix.Indices is [SymbolExpr r] && _running.GetValueOrDefault(r.Name) > 0;

    private Value Running(string index, Func<Value> body)
    {
        _running[index] = _running.GetValueOrDefault(index) + 1;
        try { return body(); }
        finally { _running[index]--; }
    }

    private Value Sum(SumExpr s, IReadOnlyDictionary<string, Value> env) => Running(s.Index, () => SumOver(s, env));

    private Value SumOver(SumExpr s, IReadOnlyDictionary<string, Value> env)
    {
        var from = Eval(s.From, env);
        var to = s.To != null ? Eval(s.To, env) : Value.Scalar(IndexedLength(s.Body, s.Index, env));
        if (to.IsScalar && to.ScalarValue == 0 && s.To == null) throw new CalcException($"cannot tell the range of the sum over '{s.Index}'");
        if (!from.IsScalar || !to.IsScalar) throw new CalcException("sum limits must be scalars");
        if (!(Math.Abs(from.ScalarValue) < 1e9 && Math.Abs(to.ScalarValue) < 1e9)) throw new CalcException("sum limits must be numbers below 10^9");
        if (to.ScalarValue - from.ScalarValue > 10000) throw new CalcException("a sum may have at most 10000 terms");
        Value? total = null;
        var terms = Math.Max(0, (long)to.ScalarValue - (long)from.ScalarValue + 1);
        using var loop = EvalBudget.Loop(terms);
        for (int i = (int)from.ScalarValue; i <= (int)to.ScalarValue; i++)
        {
            var inner = new Dictionary<string, Value>(env) { [s.Index] = Value.Scalar(i) };
            var term = Eval(s.Body, inner);
            total = total == null ? term : s.Product ? Ops.Multiply("juxt", total, term, _allowOtimes) : Ops.Add(total, term, 1);
        }
        return total ?? Value.Scalar(s.Product ? 1 : 0);
    }

    /// <summary><c>\ldots E_i \ldots</c>: the column of E at i = 1…n, n the length of the vectors E indexes by i (one free index only).</summary>
    private Value Entries(Expr body, FunctionExpr at, IReadOnlyDictionary<string, Value> env)
    {
        var free = new List<string>();
        FreeIndices(body, env, free);
        if (free.Count != 1)
            throw new CalcException(free.Count == 0 ? "'\\ldots … \\ldots' needs an entry with an index, such as x_i" : $"cannot tell which index '\\ldots' runs over ({string.Join(", ", free)})", at.Start, at.End);
        int n = IndexedLength(body, free[0], env);
        if (n == 0) throw new CalcException($"cannot tell how many entries '\\ldots' stands for (the index '{free[0]}' indexes no declared vector)", at.Start, at.End);
        var lengths = new HashSet<int>();
        IndexedLengths(body, free[0], env, lengths);
        if (lengths.Count > 1) throw new CalcException($"'\\ldots' runs '{free[0]}' over vectors of different lengths ({string.Join(", ", lengths.Order())})", at.Start, at.End);
        var data = new double[n];
        for (int i = 1; i <= n; i++)
        {
            var inner = new Dictionary<string, Value>(env) { [free[0]] = Value.Scalar(i) };
            var v = Running(free[0], () => Eval(body, inner));
            if (!v.IsScalar) throw new CalcException("an entry between '\\ldots' must be a scalar", at.Start, at.End);
            data[i - 1] = v.ScalarValue;
        }
        return Value.Matrix(n, 1, data);
    }

    /// <summary>
    /// A written list <c>e_1, e_2, \ldots, e_n</c> (see Parser.TryParseEllipsisList): the column of the pattern at
    /// k = 1…n, n the declared value of the last entry's letter; every vector the pattern indexes by k must be n long.
    /// </summary>
    private Value List(Expr body, Expr count, FunctionExpr at, IReadOnlyDictionary<string, Value> env)
    {
        if (count is not SymbolExpr s || env.ContainsKey(s.Name) || !_sizes.TryGetValue(s.Name, out int n) || n < 1 || n > 10_000)
            throw new CalcException($"the length of a list with '\\ldots' ('{(count as SymbolExpr)?.Name}') is not a declared size such as n = 3", at.Start, at.End);
        var lengths = new HashSet<int>();
        IndexedLengths(body, Parser.ListIndex, env, lengths);
        if (lengths.Any(l => l != n))
            throw new CalcException($"a list with '\\ldots' of {n} entries runs over vectors of length {string.Join(", ", lengths.Order())}", at.Start, at.End);
        var data = new double[n];
        for (int i = 1; i <= n; i++)
        {
            var inner = new Dictionary<string, Value>(env) { [Parser.ListIndex] = Value.Scalar(i) };
            var v = Running(Parser.ListIndex, () => Eval(body, inner));
            if (!v.IsScalar) throw new CalcException("an entry of a list with '\\ldots' must be a scalar", at.Start, at.End);
            data[i - 1] = v.ScalarValue;
        }
        return Value.Matrix(n, 1, data);
    }

    /// <summary>
    /// The piece whose condition holds. Within 1 % of a switch, or where no piece holds: NaN, so the checker skips the point
    /// (never a verdict from a guess). A piece whose chain of values disagrees with itself makes the claim not checkable.
    /// </summary>
    private Value Cases(FunctionExpr f, IReadOnlyDictionary<string, Value> env)
    {
        foreach (var arg in f.Args)
        {
            var piece = (FunctionExpr)arg;
            var l = Eval(piece.Args[0], env);
            var r = Eval(piece.Args[1], env);
            if (!l.IsScalar || !r.IsScalar) throw new CalcException("a case's condition must compare two scalars", piece.Start, piece.End);
            double margin = l.ScalarValue - r.ScalarValue;
            if (!(Math.Abs(margin) >= 1e-2 * (1 + Math.Abs(l.ScalarValue) + Math.Abs(r.ScalarValue)))) return Value.Scalar(double.NaN);
            if (piece.Name is "casele" or "caselt" ? margin > 0 : margin < 0) continue;
            Value? value = null;
            foreach (var link in piece.Args.Skip(2))
            {
                var v = Eval(link, env);
                if (value == null || value.IsLazy) { value = v.IsLazy && value != null ? value : v; continue; }
                if (v.IsLazy) continue;
                if (v.Rows != value.Rows || v.Cols != value.Cols || v.Data.Zip(value.Data).Any(p => !(Math.Abs(p.First - p.Second) <= 1e-6 * (1 + Math.Abs(p.First) + Math.Abs(p.Second)))))
                    throw new CalcException("the values written in one case differ from each other", link.Start, link.End);
            }
            return value!;
        }
        return Value.Scalar(double.NaN);
    }

    private void IndexedLengths(Expr e, string index, IReadOnlyDictionary<string, Value> env, HashSet<int> lengths)
    {
        if (e is IndexExpr { Indices: [SymbolExpr s] } ix && s.Name == index)
        {
            var bold = $"\\mathbf{{{ix.Target.Name}}}";
            var v = env.TryGetValue(ix.Target.Name, out var plain) && !plain.IsScalar ? plain : env.TryGetValue(bold, out var bv) ? bv : null;
            if (v != null && (v.IsColumn || v.IsRow)) lengths.Add(v.Data.Length);
        }
        foreach (var c in ClaimChecker.Children(e)) IndexedLengths(c, index, env, lengths);
    }

    /// <summary><c>diag(\frac{\partial f_i}{\partial g_i})</c>: one free index (not a declared size) makes it diag(\ldots … \ldots).</summary>
    private bool RunsOverOneIndex(Expr a, IReadOnlyDictionary<string, Value> env)
    {
        if (a is FunctionExpr { Name: "entries" or "list" }) return false;
        var free = new List<string>();
        FreeIndices(a, env, free);
        return free is [var only] && !_sizes.ContainsKey(only);
    }

    private static void FreeIndices(Expr e, IReadOnlyDictionary<string, Value> env, List<string> free)
    {
        if (e is IndexExpr ix)
            foreach (var i in ix.Indices)
                if (i is SymbolExpr s && !env.ContainsKey(s.Name) && !free.Contains(s.Name)) free.Add(s.Name);
        foreach (var c in ClaimChecker.Children(e)) FreeIndices(c, env, free);
    }

    /// <summary>For <c>\sum_i</c> without limits: the length of the first vector indexed by the sum's index.</summary>
    private int IndexedLength(Expr body, string index, IReadOnlyDictionary<string, Value> env)
    {
        if (body is IndexExpr { Indices: [SymbolExpr s] } ix && s.Name == index)
        {
            var bold = $"\\mathbf{{{ix.Target.Name}}}";
            var v = env.TryGetValue(ix.Target.Name, out var plain) && !plain.IsScalar ? plain : env.TryGetValue(bold, out var bv) ? bv
                : plain == null && !_definitions.ContainsKey(ix.Target.Name) ? BareEntries(bold, env) : null;
            if (v != null && (v.IsColumn || v.IsRow)) return v.Data.Length;
        }
        if (body is FunctionExpr { Name: "eigat", Args: [SymbolExpr e, var m] } && e.Name == index && Eval(m, env) is { IsSquare: true } sq) return sq.Rows;
        if (body is CallExpr { Primes: 0 } call && FamilyLength(call, index, env) is > 0 and var members) return members;
        foreach (var c in ClaimChecker.Children(body))
        {
            int n = IndexedLength(c, index, env);
            if (n > 0) return n;
        }
        return 0;
    }

    /// <summary>f_i with \mathbf{f}(\mathbf{g}) = … defined: the function written bare, for its length; null when it cannot be evaluated.</summary>
    private Value? BareEntries(string bold, IReadOnlyDictionary<string, Value> env)
    {
        try { return Dependence(bold, env); }
        catch (CalcException) { return null; }
    }

    /// <summary>
    /// <c>\sum_i f_i(\mathbf{x})</c> with the family <c>f_k(\mathbf{a}) = … a_k …</c> defined: i runs over the entries its definition
    /// reads by its own index, here those of the argument \mathbf{x}. 0 when the call is no member f_i or the definition says nothing.
    /// </summary>
    private int FamilyLength(CallExpr call, string index, IReadOnlyDictionary<string, Value> env)
    {
        if (!call.Name.EndsWith("_" + index, StringComparison.Ordinal) || Parser.FamilyOf(_definitions.Keys, call.Name[..^(index.Length + 1)]) is not { } family) return 0;
        var def = _definitions[family];
        if (def.Parameters.Count != call.Args.Count || call.Args.Count == 0) return 0;
        var inner = new Dictionary<string, Value>(env);
        try
        {
            for (int k = 0; k < call.Args.Count; k++) inner[def.Parameters[k]] = Eval(call.Args[k], env);
        }
        catch (CalcException) { return 0; }
        inner.Remove(family[^1..]);
        return IndexedLength(def.Body, family[^1..], inner);
    }

    private Value Constant(ConstantExpr c, IReadOnlyDictionary<string, Value> env)
    {
        if (c.Size == null) return Value.LazyConstant(c.Which, 1);
        var size = Eval(c.Size, env);
        if (!size.IsScalar || size.ScalarValue < 1) throw new CalcException("bad size");
        int n = (int)size.ScalarValue;
        return c.Which switch
        {
            "identity" => Value.Identity(n),
            "ones" => Value.Matrix(n, 1, Enumerable.Repeat(1.0, n).ToArray()),
            _ => Value.Zeros(n, 1),
        };
    }
}
