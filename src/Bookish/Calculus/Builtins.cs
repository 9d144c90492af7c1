namespace Bookish.Calculus;

/// <summary>Built-in functions; scalar functions act element-wise on vectors and matrices.</summary>
internal static class Builtins
{
    public static Value Apply(string name, IReadOnlyList<Value> a)
    {
        var x = a[0];
        switch (name)
        {
            case "exp": return x.Map(Math.Exp);
            case "ln": return x.Map(Math.Log);
            case "sin": return x.Map(Math.Sin);
            case "cos": return x.Map(Math.Cos);
            case "tan": return x.Map(Math.Tan);
            case "tanh": return x.Map(Math.Tanh);
            case "sinh": return x.Map(Math.Sinh);
            case "cosh": return x.Map(Math.Cosh);
            case "sqrt": return x.Map(Math.Sqrt);
            case "abs": return x.IsSquare ? Value.Scalar(MatrixOps.Determinant(x)) : x.Map(Math.Abs);
            case "sigma": return x.Map(v => 1 / (1 + Math.Exp(-v)));
            case "max": return Ops.Zip(a[0], a[1], Math.Max, "take the maximum of", allowBroadcast: true);
            case "min": return Ops.Zip(a[0], a[1], Math.Min, "take the minimum of", allowBroadcast: true);
            case "norm": return Value.Scalar(Math.Sqrt(Entries(x).Sum(v => v * v)));
            case "norm1": return Value.Scalar(Entries(x).Sum(Math.Abs));
            case "sum": return Value.Scalar(Entries(x).Sum());
            case "det": return Value.Scalar(MatrixOps.Determinant(x));
            case "tr":
                if (x.IsScalar) return x;
                if (!x.IsSquare) throw new CalcException($"trace of non-square {x.ShapeText}");
                return Value.Scalar(Enumerable.Range(0, x.Rows).Sum(i => x[i, i]));
            case "diag":
                if (x.IsScalar) return x;
                if (x.IsVectorLike)
                {
                    int n = x.Data.Length;
                    var d = new double[n * n];
                    for (int i = 0; i < n; i++) d[i * n + i] = x.Data[i];
                    return Value.Matrix(n, n, d);
                }
                if (x.IsSquare) return Value.Matrix(x.Rows, 1, Enumerable.Range(0, x.Rows).Select(i => x[i, i]).ToArray());
                throw new CalcException($"diag of {x.ShapeText}");
            default: throw new CalcException($"unsupported function '{name}'");
        }
    }

    private static IEnumerable<double> Entries(Value x) =>
        x.IsLazy ? throw new CalcException("cannot size \\mathbf{1}, \\mathbf{I} or \\mathbf{0} here") : x.Data;
}
