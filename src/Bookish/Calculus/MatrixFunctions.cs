namespace Bookish.Calculus;

/// <summary>
/// Functions of a square matrix (not entry by entry): <c>\exp \mathbf{X}</c>, <c>\sin \mathbf{X}</c>, <c>\mathbf{X}^{1/2}</c>,
/// and the spectral quantities behind operator norms and eigenvalues. A function undefined at the sample point gives
/// NaN entries, so the point is skipped rather than a verdict made.
/// </summary>
internal static class MatrixFunctions
{
    /// <summary>Names whose meaning for a square matrix is the matrix function (unless declared element-wise).</summary>
    public static readonly System.Collections.Frozen.FrozenSet<string> Names = CalculusTables.MatrixFunctions;

    public static Value Apply(string name, Value a) => name switch
    {
        "exp" => Exp(a),
        "sin" => SinCos(a).Sin,
        "cos" => SinCos(a).Cos,
        "tan" => MatrixOps.Multiply(SinCos(a).Sin, MatrixOps.Inverse(SinCos(a).Cos)),
        "sinh" => Ops.Scale(Ops.Add(Exp(a), Exp(Ops.Scale(a, -1)), -1), 0.5),
        "cosh" => Ops.Scale(Ops.Add(Exp(a), Exp(Ops.Scale(a, -1)), 1), 0.5),
        "tanh" => MatrixOps.Multiply(Ops.Add(Exp(a), Exp(Ops.Scale(a, -1)), -1), MatrixOps.Inverse(Ops.Add(Exp(a), Exp(Ops.Scale(a, -1)), 1))),
        "sqrt" => Sqrt(a),
        "ln" => Log(a),
        _ => throw new CalcException($"no matrix function '{name}'"),
    };

    /// <summary>A^p for a square matrix and a non-integer p: via the square root for halves, else exp(p ln A).</summary>
    public static Value Power(Value a, double p)
    {
        if (Math.Abs(p * 2 - Math.Round(p * 2)) < 1e-12 && Math.Abs(p) <= 64)
        {
            var r = Sqrt(a);
            int k = (int)Math.Round(p * 2);
            if (k < 0) { r = MatrixOps.Inverse(r); k = -k; }
            var result = Value.Identity(a.Rows);
            for (int i = 0; i < k; i++) result = MatrixOps.Multiply(result, r);
            return result;
        }
        return Exp(Ops.Scale(Log(a), p));
    }

    private static double Norm1(Value a)
    {
        double best = 0;
        for (int j = 0; j < a.Cols; j++)
        {
            double s = 0;
            for (int i = 0; i < a.Rows; i++) s += Math.Abs(a[i, j]);
            best = Math.Max(best, s);
        }
        return best;
    }

    private static int Halvings(Value a) => Math.Max(0, (int)Math.Ceiling(Math.Log2(Math.Max(Norm1(a), 1e-300))) + 1);

    private static Value Taylor(Value a, Func<int, double> coefficient, int terms)
    {
        var sum = Ops.Scale(Value.Identity(a.Rows), coefficient(0));
        var power = Value.Identity(a.Rows);
        for (int k = 1; k <= terms; k++)
        {
            power = MatrixOps.Multiply(power, a);
            double c = coefficient(k);
            if (c != 0) sum = Ops.Add(sum, Ops.Scale(power, c), 1);
        }
        return sum;
    }

    public static Value Exp(Value a)
    {
        if (a.HasNaN) return Nan(a);
        int s = Halvings(a);
        var r = Taylor(Ops.Scale(a, Math.Pow(2, -s)), Factorial, 18);
        for (int i = 0; i < s; i++) r = MatrixOps.Multiply(r, r);
        return r;

        static double Factorial(int k) { double f = 1; for (int i = 2; i <= k; i++) f *= i; return 1 / f; }
    }

    /// <summary>sin and cos together: series at A/2^s, then doubling (sin 2A = 2 sin A cos A, cos 2A = 2cos²A − I).</summary>
    public static (Value Sin, Value Cos) SinCos(Value a)
    {
        if (a.HasNaN) return (Nan(a), Nan(a));
        int s = Halvings(a);
        var b = Ops.Scale(a, Math.Pow(2, -s));
        var sin = Taylor(b, k => k % 2 == 1 ? Sign(k) / Fact(k) : 0, 19);
        var cos = Taylor(b, k => k % 2 == 0 ? Sign(k) / Fact(k) : 0, 18);
        var id = Value.Identity(a.Rows);
        for (int i = 0; i < s; i++)
        {
            var sin2 = Ops.Scale(MatrixOps.Multiply(sin, cos), 2);
            cos = Ops.Add(Ops.Scale(MatrixOps.Multiply(cos, cos), 2), id, -1);
            sin = sin2;
        }
        return (sin, cos);

        static double Sign(int k) => (k / 2) % 2 == 0 ? 1 : -1;
        static double Fact(int k) { double f = 1; for (int i = 2; i <= k; i++) f *= i; return f; }
    }

    /// <summary>Principal square root by the Denman–Beavers iteration; NaN when it does not converge (eigenvalues on the negative axis).</summary>
    public static Value Sqrt(Value a)
    {
        var y = a;
        var z = Value.Identity(a.Rows);
        for (int i = 0; i < 100; i++)
        {
            var yi = MatrixOps.Inverse(y);
            var zi = MatrixOps.Inverse(z);
            var y2 = Ops.Scale(Ops.Add(y, zi, 1), 0.5);
            z = Ops.Scale(Ops.Add(z, yi, 1), 0.5);
            if (y2.HasNaN) return Nan(a);
            double diff = 0, size = 0;
            for (int k = 0; k < y2.Data.Length; k++) { diff = Math.Max(diff, Math.Abs(y2.Data[k] - y.Data[k])); size = Math.Max(size, Math.Abs(y2.Data[k])); }
            y = y2;
            if (diff <= 1e-14 * (1 + size)) return y;
        }
        return Nan(a);
    }

    /// <summary>Principal logarithm by inverse scaling and squaring: square roots until near I, then the series of ln(I + X).</summary>
    public static Value Log(Value a)
    {
        var id = Value.Identity(a.Rows);
        var r = a;
        int k = 0;
        while (true)
        {
            if (r.HasNaN || k > 40) return Nan(a);
            var x = Ops.Add(r, id, -1);
            if (Norm1(x) < 0.2)
            {
                var series = Taylor(x, j => j == 0 ? 0 : (j % 2 == 1 ? 1.0 : -1.0) / j, 40);
                return Ops.Scale(series, Math.Pow(2, k));
            }
            r = Sqrt(r);
            k++;
        }
    }

    private static Value Nan(Value a) => Value.Matrix(a.Rows, a.Cols, Enumerable.Repeat(double.NaN, a.Data.Length).ToArray());

    /// <summary>Eigenvalues of a symmetric matrix (cyclic Jacobi), ascending.</summary>
    public static double[] SymmetricEigenvalues(Value a)
    {
        int n = a.Rows;
        var m = (double[])a.Data.Clone();
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) off += m[i * n + j] * m[i * n + j];
            if (off < 1e-30) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = m[p * n + q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    double theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double mkp = m[k * n + p], mkq = m[k * n + q];
                        m[k * n + p] = c * mkp - s * mkq;
                        m[k * n + q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double mpk = m[p * n + k], mqk = m[q * n + k];
                        m[p * n + k] = c * mpk - s * mqk;
                        m[q * n + k] = s * mpk + c * mqk;
                    }
                }
        }
        var ev = Enumerable.Range(0, n).Select(i => m[i * n + i]).ToArray();
        Array.Sort(ev);
        return ev;
    }

    public static bool IsSymmetric(Value a)
    {
        if (!a.IsSquare) return false;
        double scale = a.Data.Max(Math.Abs);
        for (int i = 0; i < a.Rows; i++)
            for (int j = i + 1; j < a.Cols; j++)
                if (Math.Abs(a[i, j] - a[j, i]) > 1e-9 * (1 + scale)) return false;
        return true;
    }

    /// <summary>Largest singular value: the square root of the largest eigenvalue of AᵀA.</summary>
    public static double SpectralNorm(Value a) => Math.Sqrt(Math.Max(0, SymmetricEigenvalues(MatrixOps.Multiply(MatrixOps.Transpose(a), a))[^1]));

    public static double MaxColumnSum(Value a) => Norm1(a);

    public static double MaxRowSum(Value a) => Norm1(MatrixOps.Transpose(a));

    /// <summary>Kronecker product A ⊗ B.</summary>
    public static Value Kronecker(Value a, Value b)
    {
        int ar = a.IsScalar ? 1 : a.Rows, ac = a.IsScalar ? 1 : a.Cols, br = b.IsScalar ? 1 : b.Rows, bc = b.IsScalar ? 1 : b.Cols;
        int rows = ar * br, cols = ac * bc;
        var d = new double[rows * cols];
        for (int i = 0; i < ar; i++)
            for (int j = 0; j < ac; j++)
                for (int k = 0; k < br; k++)
                    for (int l = 0; l < bc; l++)
                        d[(i * br + k) * cols + j * bc + l] = a.Data[i * ac + j] * b.Data[k * bc + l];
        return Value.Matrix(rows, cols, d);
    }

    /// <summary>vec(A): the columns stacked.</summary>
    public static Value Vec(Value a)
    {
        if (a.IsScalar) return a;
        var d = new double[a.Data.Length];
        int t = 0;
        for (int j = 0; j < a.Cols; j++) for (int i = 0; i < a.Rows; i++) d[t++] = a[i, j];
        return Value.Matrix(d.Length, 1, d);
    }

    /// <summary>Adjugate: det(A) A^{-1} for invertible A; cofactors otherwise.</summary>
    public static Value Adjugate(Value a)
    {
        if (a.IsScalar) return Value.Scalar(1);
        if (!a.IsSquare) throw new CalcException($"adjugate of non-square {a.ShapeText}");
        int n = a.Rows;
        var d = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var minor = new List<double>();
                for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) if (r != j && c != i) minor.Add(a[r, c]);
                double det = n == 1 ? 1 : MatrixOps.Determinant(Value.Matrix(n - 1, n - 1, [.. minor]));
                d[i * n + j] = ((i + j) % 2 == 0 ? 1 : -1) * det;
            }
        return Value.Matrix(n, n, d);
    }

    /// <summary>Moore–Penrose pseudo-inverse for full-rank A: (AᵀA)⁻¹Aᵀ (tall) or Aᵀ(AAᵀ)⁻¹ (wide).</summary>
    public static Value PseudoInverse(Value a)
    {
        if (a.IsScalar) return Value.Scalar(a.ScalarValue == 0 ? 0 : 1 / a.ScalarValue);
        var at = MatrixOps.Transpose(a);
        return a.Rows >= a.Cols
            ? MatrixOps.Multiply(MatrixOps.Inverse(MatrixOps.Multiply(at, a)), at)
            : MatrixOps.Multiply(at, MatrixOps.Inverse(MatrixOps.Multiply(a, at)));
    }
}
