namespace Bookish.Calculus;

/// <summary>Built-in functions; scalar functions act element-wise on vectors and matrices.</summary>
internal static class Builtins
{
    public static Value Apply(string name, IReadOnlyList<Value> a, bool elementwise = false)
    {
        var x = a[0];
        // Of a square matrix, \exp, \sin, \sqrt … are matrix functions (as in the Matrix Cookbook) unless declared element-wise.
        if (!elementwise && x.IsSquare && MatrixFunctions.Names.Contains(name)) return MatrixFunctions.Apply(name, x);
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
            case "norm":
                // ‖X‖ of a matrix is the Frobenius norm for some authors and the spectral norm for others.
                if (!x.IsScalar && !x.IsLazy && !x.IsVectorLike)
                    throw new CalcException($"‖·‖ of a {x.ShapeText} matrix is ambiguous (Frobenius or spectral): write \\|X\\|_F or \\|X\\|_2");
                return Value.Scalar(Math.Sqrt(Entries(x).Sum(v => v * v)));
            case "normF": return Value.Scalar(Math.Sqrt(Entries(x).Sum(v => v * v)));
            case "norm2": return Value.Scalar(x.IsScalar || x.IsVectorLike ? Math.Sqrt(Entries(x).Sum(v => v * v)) : MatrixFunctions.SpectralNorm(x));
            case "norm1": return Value.Scalar(x.IsScalar || x.IsVectorLike ? Entries(x).Sum(Math.Abs) : MatrixFunctions.MaxColumnSum(x));
            case "normInf": return Value.Scalar(x.IsScalar || x.IsVectorLike ? Entries(x).Max(Math.Abs) : MatrixFunctions.MaxRowSum(x));
            case "prod": return Value.Scalar(Entries(x).Aggregate(1.0, (p, v) => p * v));
            case "sign": return x.Map(v => (double)Math.Sign(v));
            case "vec": return MatrixFunctions.Vec(x);
            case "adj": return MatrixFunctions.Adjugate(x);
            case "pinv": return MatrixFunctions.PseudoInverse(x);
            case "eig": return Eigenvalues(x) is var all && all.Length == 1 ? Value.Scalar(all[0]) : Value.Matrix(all.Length, 1, all);
            case "lambdamax": return Value.Scalar(Eigenvalues(x)[^1]);
            case "lambdamin": return Value.Scalar(Eigenvalues(x)[0]);
            case "eigat":
            {
                var ev = Eigenvalues(a[1]);
                if (!x.IsScalar || x.ScalarValue != Math.Round(x.ScalarValue) || x.ScalarValue < 1 || x.ScalarValue > ev.Length)
                    throw new CalcException("the index of an eigenvalue must run from 1 to the size of the matrix");
                return Value.Scalar(ev[(int)x.ScalarValue - 1]);
            }
            case "sum": return Value.Scalar(Entries(x).Sum());
            case "det": return Value.Scalar(MatrixOps.Determinant(x));
            case "tr":
                if (x.IsScalar) return x;
                if (!x.IsSquare) throw new CalcException($"trace of non-square {x.ShapeText}");
                return Value.Scalar(Enumerable.Range(0, x.Rows).Sum(i => x[i, i]));
            case "diag":
                if (x.IsScalar) return x;
                // diag of a ones column (of any size) is the identity of that size; of a zero, a zero.
                if (x.Lazy is "ones") return Value.LazyConstant("identity", x.Data[0]);
                if (x.Lazy is "zero") return x;
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

    /// <summary>Eigenvalues (ascending) of a symmetric matrix. A matrix within finite-difference distance of symmetric is
    /// replaced by its symmetric part, which has the same first derivative at a symmetric point.</summary>
    private static double[] Eigenvalues(Value x)
    {
        if (x.IsScalar) return [x.ScalarValue];
        if (!x.IsSquare) throw new CalcException($"eigenvalues of non-square {x.ShapeText}");
        var sym = Ops.Scale(Ops.Add(x, MatrixOps.Transpose(x), 1), 0.5);
        double scale = x.Data.Max(Math.Abs), asym = 0;
        for (int i = 0; i < x.Data.Length; i++) asym = Math.Max(asym, Math.Abs(x.Data[i] - sym.Data[i]));
        if (asym > 1e-2 * (1 + scale))
            throw new CalcException("eigenvalues are supported for symmetric matrices only (declare the matrix symmetric)");
        return MatrixFunctions.SymmetricEigenvalues(sym);
    }

    private static IEnumerable<double> Entries(Value x) =>
        x.IsLazy ? throw new CalcException("cannot size \\mathbf{1}, \\mathbf{I} or \\mathbf{0} here") : x.Data;
}
