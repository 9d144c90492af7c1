namespace Bookish.Calculus;

internal sealed partial class Evaluator
{
    private Value Call(CallExpr c, IReadOnlyDictionary<string, Value> env)
    {
        // A function written bare while it is the variable of a derivative (df/dg with g(x) = …): the variable's value.
        if (c.Args.Count == 0 && c.Primes == 0 && env.TryGetValue(c.Name, out var bound)) return bound;
        var applyEnv = env;
        if (!_definitions.TryGetValue(c.Name, out var def) && FamilyMember(c.Name, env) is { } member)
        {
            def = member.Def;
            applyEnv = member.Env;
        }
        if (def == null && c.Args.Count > 0 && c.Primes == 0 && EntryCall(c, env) is { } entry) return entry;
        if (def == null || def.Parameters.Count == 0)
        {
            if (c.Name == "\\sigma" && c.Args.Count == 1 && c.Primes <= 1)
            {
                var x = Eval(c.Args[0], env);
                var s = Builtins.Apply("sigma", [x]);
                return c.Primes == 0 ? s : s.Map(v => v * (1 - v));
            }
            throw new CalcException($"undefined function '{c.Name}'");
        }
        var args = new List<Value>();
        if (c.Args.Count == 0)
        {
            foreach (var p in def.Parameters)
                args.Add(env.TryGetValue(p, out var pv) ? pv : Dependence(p, env) ?? throw new CalcException($"'{c.Name}' needs its arguments"));
        }
        else args.AddRange(c.Args.Select(a => Eval(a, env)));
        if (args.Count != def.Parameters.Count)
            throw new CalcException($"'{c.Name}' takes {def.Parameters.Count} argument(s), got {args.Count}");
        if (c.Primes == 0) return Apply(def, args, applyEnv);
        if (c.Primes > 1 || args.Count != 1) throw new CalcException("only f'(x) of a one-argument function is supported");
        return args[0].Map(a =>
        {
            double h = 1e-3 * StepScale * Math.Max(1, Math.Abs(a));
            double F(double t) => Apply(def, [Value.Scalar(t)], applyEnv) is { IsScalar: true } r ? r.ScalarValue : throw new CalcException("f' needs a scalar function");
            return (-F(a + 2 * h) + 8 * F(a + h) - 8 * F(a - h) + F(a - 2 * h)) / (12 * h);
        });
    }

    /// <summary>
    /// f_1, f_n or f_{#k} with one family f_i defined (f_i(a) = …, its body may use i): f_i with i bound to the member's
    /// index, a number, a running index or a declared size (Parser.FamilyOf). Null when no such family is defined.
    /// </summary>
    private (FunctionDefinition Def, Dictionary<string, Value> Env)? FamilyMember(string name, IReadOnlyDictionary<string, Value> env)
    {
        int at = name.LastIndexOf('_');
        if (at <= 0) return null;
        string @base = name[..at], sub = name[(at + 1)..];
        if (Parser.FamilyOf(_definitions.Keys, @base) is not { } family || _definitions[family].Parameters.Count == 0) return null;
        double value = sub.Length > 0 && sub.All(char.IsAsciiDigit) ? double.Parse(sub, System.Globalization.CultureInfo.InvariantCulture)
            : env.TryGetValue(sub, out var v) && v.IsScalar ? v.ScalarValue
            : !env.ContainsKey(sub) && _sizes.TryGetValue(sub, out int size) ? size : double.NaN;
        if (!(value >= 1 && value == Math.Round(value))) throw new CalcException($"cannot tell which member of the family {family} '{name}' is");
        var inner = new Dictionary<string, Value>(env) { [family[^1..]] = Value.Scalar(value) };
        return (_definitions[family], inner);
    }

    /// <summary>Binds arguments; a scalar parameter given a vector or matrix maps the function over its entries.</summary>
    private Value Apply(FunctionDefinition def, IReadOnlyList<Value> args, IReadOnlyDictionary<string, Value> env)
    {
        var mapped = Enumerable.Range(0, args.Count).Where(i => def.ScalarParameters[i] && !args[i].IsScalar).ToList();
        if (mapped.Count == 0)
        {
            var inner = new Dictionary<string, Value>(env);
            for (int i = 0; i < args.Count; i++) inner[def.Parameters[i]] = args[i];
            return EvalDefinition(def, inner);
        }
        var shape = args[mapped[0]];
        if (shape.IsLazy || mapped.Any(i => args[i].IsLazy || args[i].Rows != shape.Rows || args[i].Cols != shape.Cols))
            throw new CalcException($"element-wise '{def.Name}' needs arguments of one shape");
        var d = new double[shape.Data.Length];
        for (int k = 0; k < d.Length; k++)
        {
            var inner = new Dictionary<string, Value>(env);
            for (int i = 0; i < args.Count; i++) inner[def.Parameters[i]] = mapped.Contains(i) ? Value.Scalar(args[i].Data[k]) : args[i];
            var r = EvalDefinition(def, inner);
            if (!r.IsScalar) throw new CalcException($"element-wise '{def.Name}' must be scalar-valued");
            d[k] = r.ScalarValue;
        }
        return Value.Matrix(shape.Rows, shape.Cols, d);
    }

    /// <summary>
    /// <c>f_1(\mathbf{g})</c> with <c>\mathbf{f}(\mathbf{g}) = …</c> defined (and no f_i family): entry 1 of \mathbf{f} at the
    /// arguments. Null when there is no such definition.
    /// </summary>
    private Value? EntryCall(CallExpr c, IReadOnlyDictionary<string, Value> env)
    {
        int at = c.Name.LastIndexOf('_');
        if (at <= 0) return null;
        string bold = $"\\mathbf{{{c.Name[..at]}}}", sub = c.Name[(at + 1)..];
        if (!_definitions.TryGetValue(bold, out var def) || def.Parameters.Count != c.Args.Count) return null;
        double k = sub.Length > 0 && sub.All(char.IsAsciiDigit) ? double.Parse(sub, System.Globalization.CultureInfo.InvariantCulture)
            : env.TryGetValue(sub, out var kv) && kv.IsScalar ? kv.ScalarValue : double.NaN;
        var v = Apply(def, c.Args.Select(a => Eval(a, env)).ToList(), env);
        if (!(k >= 1 && k == Math.Round(k) && (v.IsColumn || v.IsRow) && k <= v.Data.Length))
            throw new CalcException($"cannot tell which entry of {bold} '{c.Name}' is");
        return Value.Scalar(v.Data[(int)k - 1]);
    }

    /// <summary>
    /// Dependence by name: f(g) = …, g(x) = … written bare (<c>\frac{df}{dg}\frac{dg}{dx}</c>): a parameter that is not a variable
    /// of the point is the definition of that name, an alias (<c>u = x^2</c>) or a function applied to its own parameters.
    /// Null when the name is neither.
    /// </summary>
    private Value? Dependence(string name, IReadOnlyDictionary<string, Value> env)
    {
        if (!_definitions.TryGetValue(name, out var def)) return null;
        if (def.Parameters.Count == 0) return EvalDefinition(def, env);
        if (++_depth > 64) { _depth--; throw new CalcException($"definition of '{name}' is recursive"); }
        try { return Eval(new CallExpr(name, [], 0, -1, -1), env); }
        finally { _depth--; }
    }
}
