namespace Bookish.Calculus;

/// <summary>Dense linear algebra on <see cref="Value"/>: product, transpose, inverse and determinant (Gauss-Jordan, partial pivoting).</summary>
internal static class MatrixOps
{
    public static Value Multiply(Value a, Value b)
    {
        if (a.Cols != b.Rows) throw new CalcException($"cannot multiply {a.ShapeText} by {b.ShapeText}");
        EvalBudget.SpendWork((long)a.Rows * b.Cols * a.Cols);
        var d = new double[a.Rows * b.Cols];
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < b.Cols; j++)
            {
                double s = 0;
                for (int k = 0; k < a.Cols; k++) s += a[i, k] * b[k, j];
                d[i * b.Cols + j] = s;
            }
        return Value.Matrix(a.Rows, b.Cols, d);
    }

    public static Value Transpose(Value a)
    {
        if (a.IsScalar) return a;
        if (a.IsLazy) return a.Lazy switch
        {
            "ones" => Value.LazyConstant("onesRow", a.Data[0]),
            "onesRow" => Value.LazyConstant("ones", a.Data[0]),
            _ => a,
        };
        var d = new double[a.Data.Length];
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Cols; j++) d[j * a.Rows + i] = a[i, j];
        return Value.Matrix(a.Cols, a.Rows, d);
    }

    public static Value Inverse(Value a)
    {
        if (a.IsScalar) return Value.Scalar(1 / a.ScalarValue);
        if (!a.IsSquare) throw new CalcException($"cannot invert {a.ShapeText}");
        int n = a.Rows;
        EvalBudget.SpendWork(2L * n * n * n);
        var m = (double[])a.Data.Clone();
        var inv = Value.Identity(n).Data;
        for (int c = 0; c < n; c++)
        {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(m[r * n + c]) > Math.Abs(m[p * n + c])) p = r;
            if (m[p * n + c] == 0) return Value.Matrix(n, n, Enumerable.Repeat(double.NaN, n * n).ToArray());
            if (p != c) { Swap(m, n, p, c); Swap(inv, n, p, c); }
            double piv = m[c * n + c];
            for (int j = 0; j < n; j++) { m[c * n + j] /= piv; inv[c * n + j] /= piv; }
            for (int r = 0; r < n; r++)
            {
                if (r == c) continue;
                double f = m[r * n + c];
                if (f == 0) continue;
                for (int j = 0; j < n; j++) { m[r * n + j] -= f * m[c * n + j]; inv[r * n + j] -= f * inv[c * n + j]; }
            }
        }
        return Value.Matrix(n, n, inv);
    }

    public static double Determinant(Value a)
    {
        if (a.IsScalar) return a.ScalarValue;
        if (!a.IsSquare) throw new CalcException($"determinant of non-square {a.ShapeText}");
        int n = a.Rows;
        var m = (double[])a.Data.Clone();
        double det = 1;
        for (int c = 0; c < n; c++)
        {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(m[r * n + c]) > Math.Abs(m[p * n + c])) p = r;
            if (m[p * n + c] == 0) return 0;
            if (p != c) { Swap(m, n, p, c); det = -det; }
            double piv = m[c * n + c];
            det *= piv;
            for (int r = c + 1; r < n; r++)
            {
                double f = m[r * n + c] / piv;
                for (int j = c; j < n; j++) m[r * n + j] -= f * m[c * n + j];
            }
        }
        return det;
    }

    private static void Swap(double[] m, int n, int a, int b)
    {
        for (int j = 0; j < n; j++) (m[a * n + j], m[b * n + j]) = (m[b * n + j], m[a * n + j]);
    }
}
