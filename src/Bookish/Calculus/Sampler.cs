namespace Bookish.Calculus;

/// <summary>Draws random points for the declared variables (in declaration order) that satisfy the domain constraints.</summary>
internal static class Sampler
{
    public const int MaxTries = 200;

    public static Dictionary<string, Value>? Sample(Declarations decls, Mulberry32 rng, Evaluator evaluator)
    {
        for (int attempt = 0; attempt < MaxTries; attempt++)
        {
            var env = new Dictionary<string, Value>();
            foreach (var s in decls.Symbols) env[s.Name] = Draw(s, rng);
            if (decls.Constraints.All(c => Holds(c, env, evaluator))) return env;
        }
        return null;
    }

    private static Value Draw(SymbolDeclaration s, Mulberry32 rng)
    {
        if (s.IsScalar) return Value.Scalar(rng.Uniform(-2, 2));
        int r = s.Rows, c = s.Cols;
        var d = new double[r * c];
        bool vector = c == 1;
        for (int i = 0; i < d.Length; i++) d[i] = vector ? rng.Uniform(-2, 2) : rng.Uniform(-1, 1);
        var m = Value.Matrix(r, c, d);
        if (r != c || vector) return m;
        var q = s.Qualifiers;
        if (q.Contains("diagonal"))
            m = Value.Matrix(r, c, Enumerable.Range(0, r * c).Select(k => k / c == k % c ? 1 + Math.Abs(d[k]) : 0).ToArray());
        if (q.Contains("positive definite"))
            return Ops.Add(MatrixOps.Multiply(m, MatrixOps.Transpose(m)), Value.Identity(r), 1);
        if (q.Contains("symmetric"))
            m = Ops.Scale(Ops.Add(m, MatrixOps.Transpose(m), 1), 0.5);
        if (q.Contains("invertible"))
            m = Ops.Add(m, Ops.Scale(Value.Identity(r), 2), 1);
        return m;
    }

    private static bool Holds(DomainConstraint c, Dictionary<string, Value> env, Evaluator evaluator)
    {
        var values = c.Terms.Select(t => evaluator.Eval(t, env)).ToList();
        if (values.Any(v => !v.IsScalar)) throw new CalcException("a domain constraint must compare scalars", c.Terms[0].Start, c.Terms[^1].End);
        for (int i = 0; i < c.Ops.Count; i++)
        {
            double a = values[i].ScalarValue, b = values[i + 1].ScalarValue;
            bool ok = c.Ops[i] switch { "<" => a < b, ">" => a > b, _ => Math.Abs(a - b) > 1e-3 };
            if (!ok) return false;
        }
        return true;
    }
}
