namespace Bookish.Calculus;

internal sealed partial class Evaluator
{
    private Value Derivative(DerivativeExpr d, IReadOnlyDictionary<string, Value> env)
    {
        if (d.Second) return SecondDerivative(d, env);
        var vars = d.Variables.ToList();
        if (vars.Count == 0)
        {
            var call = (CallExpr)d.Operand;
            if (call.Args.Count == 0 && _definitions.TryGetValue(call.Name, out var def))
                vars.AddRange(def.Parameters.Select(p => (Expr)new SymbolExpr(p, false, call.Start, call.End)));
            else vars.AddRange(call.Args);
        }
        if (vars is [FunctionExpr { Name: "vec", Args: [SymbolExpr vs] }] && env.ContainsKey(vs.Name))
            return Differentiate(d.Operand, vs.Name, env, byVec: true);
        env = WithIntermediates(vars, env);
        if (vars is [IndexExpr entry] && EntryOf(entry, env) is { } at)
            return Differentiate(d.Operand, at.Name, env, entry: at.Index);
        var names = vars.Select(v => v is SymbolExpr s && env.ContainsKey(s.Name) ? s.Name
            : v is CallExpr { Args.Count: 0, Primes: 0 } c && env.ContainsKey(c.Name) ? c.Name
            : throw new CalcException($"cannot differentiate with respect to '{Describe(v)}' (not a declared variable)", v.Start, v.End)).ToList();
        if (names.Count == 1) return Differentiate(d.Operand, names[0], HeldParameters(d, names[0], env));
        var parts = names.Select(n => Differentiate(d.Operand, n, env)).ToList();
        if (parts.Any(p => !p.IsScalar) || names.Any(n => !env[n].IsScalar))
            throw new CalcException("a gradient over several arguments needs a scalar function of scalars");
        var data = parts.Select(p => p.ScalarValue).ToArray();
        return Layout == Layout.Numerator ? Value.Matrix(1, data.Length, data) : Value.Matrix(data.Length, 1, data);
    }

    /// <summary>
    /// dy/du with u defined (<c>u = x^2</c>, or <c>u(x) = x^2</c> written bare): u becomes a variable at its current value, and
    /// everything defined through u follows it while the declared variables stay put (the chain rule's intermediate variable).
    /// </summary>
    private IReadOnlyDictionary<string, Value> WithIntermediates(IEnumerable<Expr> vars, IReadOnlyDictionary<string, Value> env)
    {
        Dictionary<string, Value>? extended = null;
        foreach (var v in vars)
        {
            string? name = v switch
            {
                SymbolExpr s => s.Name,
                CallExpr { Args.Count: 0, Primes: 0 } c => c.Name,
                IndexExpr ix when !env.ContainsKey(ix.Target.Name) && !_definitions.ContainsKey(ix.Target.Name) => $"\\mathbf{{{ix.Target.Name}}}",
                _ => null,
            };
            if (name == null || env.ContainsKey(name) || Dependence(name, env) is not { } value) continue;
            extended ??= new Dictionary<string, Value>(env);
            extended[name] = value;
        }
        return extended ?? env;
    }

    /// <summary>
    /// <c>\frac{\partial u_2}{\partial x}</c> with <c>u_2(x, u_1) = …</c> written bare: the partial by that parameter, the others
    /// held at their values (u_1 at u_1(x)); with d above, or called with arguments, the total derivative.
    /// </summary>
    private IReadOnlyDictionary<string, Value> HeldParameters(DerivativeExpr d, string name, IReadOnlyDictionary<string, Value> env)
    {
        if (!d.Partial || d.Operand is not CallExpr { Args.Count: 0, Primes: 0 } c || !_definitions.TryGetValue(c.Name, out var def)
            || def.Parameters.Count < 2 || !def.Parameters.Contains(name)) return env;
        Dictionary<string, Value>? extended = null;
        foreach (var p in def.Parameters)
        {
            if (p == name || env.ContainsKey(p) || Dependence(p, env) is not { } value) continue;
            extended ??= new Dictionary<string, Value>(env);
            extended[p] = value;
        }
        return extended ?? env;
    }

    private static string Describe(Expr v) => v switch
    {
        SymbolExpr s => s.Name,
        IndexExpr i => i.Target.Name + "_…",
        _ => "expression",
    };

    /// <summary>
    /// <c>∂f/∂w_2</c> or <c>∂f/∂w_i</c> (i bound by a sum or a <c>\ldots</c> vector) with <c>\mathbf{w}</c> a declared vector:
    /// the variable is that entry, a scalar. Null when the name is not a declared vector or the index not an integer in range.
    /// </summary>
    private (string Name, int Index)? EntryOf(IndexExpr ix, IReadOnlyDictionary<string, Value> env)
    {
        if (ix.Indices.Count != 1) return null;
        string bold = $"\\mathbf{{{ix.Target.Name}}}";
        bool hasPlain = env.TryGetValue(ix.Target.Name, out var plain);
        string? name = hasPlain && (plain!.IsColumn || plain.IsRow) ? ix.Target.Name
            : (!hasPlain || IsRunning(ix)) && env.TryGetValue(bold, out var b) && (b.IsColumn || b.IsRow) ? bold : null;
        if (name == null) return null;
        var k = Eval(ix.Indices[0], env);
        if (!k.IsScalar || k.ScalarValue != Math.Round(k.ScalarValue) || k.ScalarValue < 1 || k.ScalarValue > env[name].Data.Length) return null;
        return (name, (int)k.ScalarValue - 1);
    }

    /// <summary>Fourth-order central differences, entry by entry of the variable (or only <paramref name="entry"/>), assembled in the layout's shape.</summary>
    private Value Differentiate(Expr operand, string name, IReadOnlyDictionary<string, Value> env, bool byVec = false, int entry = -1)
    {
        var v = env[name];
        var f0 = Eval(operand, env);
        if (f0.IsLazy) throw new CalcException("cannot differentiate an unsized constant");
        int n = entry >= 0 ? 1 : v.Data.Length;
        var cols = new List<double[]>(n);
        for (int jj = 0; jj < n; jj++)
        {
            // By vec(X): the entries of X in column order.
            int j = entry >= 0 ? entry : byVec && !v.IsScalar ? (jj % v.Rows) * v.Cols + jj / v.Rows : jj;
            double h = 1e-3 * StepScale * Math.Max(1, Math.Abs(v.Data[j]));
            double[] F(double delta)
            {
                var d = (double[])v.Data.Clone();
                d[j] += delta;
                var moved = v.IsScalar ? Value.Scalar(d[0]) : Value.Matrix(v.Rows, v.Cols, d);
                var inner = new Dictionary<string, Value>(env) { [name] = moved };
                var r = Eval(operand, inner);
                if (r.IsLazy) r = Ops.Materialize(r, f0.Rows, f0.Cols);
                if (r.Data.Length != f0.Data.Length) throw new CalcException("shape changes under perturbation");
                return r.Data;
            }
            var p2 = F(2 * h); var p1 = F(h); var m1 = F(-h); var m2 = F(-2 * h);
            var g = new double[f0.Data.Length];
            for (int i = 0; i < g.Length; i++) g[i] = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
            cols.Add(g);
        }
        if (byVec)
        {
            if (!(f0.IsScalar || f0.IsVectorLike)) throw new CalcException("differentiate vec(…) of a matrix, not the matrix, by vec(X)");
            return Assemble(f0, Value.Zeros(n, 1), cols);
        }
        return Assemble(f0, entry >= 0 ? Value.Scalar(0) : v, cols);
    }

    private Value Assemble(Value f, Value v, List<double[]> cols)
    {
        int n = cols.Count, m = f.Data.Length;
        bool numerator = Layout == Layout.Numerator;
        if (f.IsScalar)
        {
            var d = cols.Select(c => c[0]).ToArray();
            if (v.IsScalar) return Value.Scalar(d[0]);
            if (v.IsColumn) return numerator ? Value.Matrix(1, n, d) : Value.Matrix(n, 1, d);
            return Value.Matrix(v.Rows, v.Cols, d);
        }
        if (v.IsScalar)
        {
            var d = cols[0];
            if (f.IsVectorLike) return numerator ? Value.Matrix(m, 1, d) : Value.Matrix(1, m, d);
            return Value.Matrix(f.Rows, f.Cols, d);
        }
        if (f.IsVectorLike && v.IsColumn)
        {
            var d = new double[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    if (numerator) d[i * n + j] = cols[j][i]; else d[j * m + i] = cols[j][i];
            return numerator ? Value.Matrix(m, n, d) : Value.Matrix(n, m, d);
        }
        throw new CalcException($"the derivative of a {f.ShapeText} by a {v.ShapeText} is a tensor (not supported)");
    }

    /// <summary>
    /// <c>∂²f/∂x∂yᵀ</c>: entry (i, j) is ∂/∂x_i ∂f/∂y_j (the Hessian when x = y), the same in either layout; differences of
    /// the first derivative with a wider step.
    /// </summary>
    private Value SecondDerivative(DerivativeExpr d, IReadOnlyDictionary<string, Value> env)
    {
        var names = d.Variables.Select(v => v is SymbolExpr s && env.ContainsKey(s.Name)
            ? s.Name
            : throw new CalcException($"cannot differentiate with respect to '{Describe(v)}' (not a declared variable)", v.Start, v.End)).ToList();
        string x = names[0], y = names[1];
        if (!env.ContainsKey(x) || !env.ContainsKey(y)) throw new CalcException("a second derivative by a defined quantity is not supported");
        var vx = env[x];
        var vy = env[y];
        if (!(vx.IsScalar || vx.IsColumn) || !(vy.IsScalar || vy.IsColumn))
            throw new CalcException("a second derivative by a matrix is a tensor (not supported)");
        var f0 = Eval(d.Operand, env);
        if (!f0.IsScalar) throw new CalcException($"the second derivative of a {f0.ShapeText} is a tensor (not supported)");
        int nx = vx.Data.Length, ny = vy.Data.Length;
        var h2 = new double[nx * ny];
        for (int i = 0; i < nx; i++)
        {
            double h = 5e-3 * StepScale * Math.Max(1, Math.Abs(vx.Data[i]));
            double[] G(double delta)
            {
                var moved = (double[])vx.Data.Clone();
                moved[i] += delta;
                var inner = new Dictionary<string, Value>(env) { [x] = vx.IsScalar ? Value.Scalar(moved[0]) : Value.Matrix(vx.Rows, 1, moved) };
                var g = Differentiate(d.Operand, y, inner);
                if (g.Data.Length != ny) throw new CalcException("shape changes under perturbation");
                return g.Data;
            }
            var p2 = G(2 * h); var p1 = G(h); var m1 = G(-h); var m2 = G(-2 * h);
            for (int j = 0; j < ny; j++) h2[i * ny + j] = (-p2[j] + 8 * p1[j] - 8 * m1[j] + m2[j]) / (12 * h);
        }
        return Value.Matrix(nx, ny, h2);
    }
}
