namespace Bookish.Calculus;

/// <summary>Shape-checked arithmetic on <see cref="Value"/>, including sizing of lazy constants from their partner.</summary>
internal static class Ops
{
    public static Value Materialize(Value a, int rows, int cols)
    {
        if (!a.IsLazy) return a;
        double s = a.Data[0];
        switch (a.Lazy)
        {
            case "zero": return Value.Zeros(rows, cols);
            case "identity" when rows == cols: return Scale(Value.Identity(rows), s);
            case "onesOuter":
                return Value.Matrix(rows, cols, Enumerable.Repeat(s, rows * cols).ToArray());
            case "ones" when cols == 1:
            case "onesRow" when rows == 1:
                return Value.Matrix(rows, cols, Enumerable.Repeat(s, rows * cols).ToArray());
            default: throw new CalcException($"cannot size {LazyName(a)} as {rows}×{cols}");
        }
    }

    private static string LazyName(Value a) => a.Lazy switch
    {
        "identity" => "\\mathbf{I}", "zero" => "\\mathbf{0}", "onesRow" => "\\mathbf{1}^T", "onesOuter" => "\\mathbf{1}\\mathbf{1}^T", _ => "\\mathbf{1}",
    };

    public static Value Scale(Value a, double s) => a.IsLazy
        ? Value.LazyConstant(a.Lazy!, a.Data[0] * s)
        : a.Map(x => x * s);

    public static Value Add(Value a, Value b, double sign)
    {
        if (a.IsLazy && b.IsLazy)
        {
            if (a.Lazy == b.Lazy) return Value.LazyConstant(a.Lazy!, a.Data[0] + sign * b.Data[0]);
            if (b.Lazy == "zero") return a;
            if (a.Lazy == "zero") return Scale(b, sign);
            throw new CalcException("cannot size constants in a sum");
        }
        if (a.IsLazy) a = b.IsScalar ? throw new CalcException("cannot add a matrix constant to a scalar") : Materialize(a, b.Rows, b.Cols);
        if (b.IsLazy) b = a.IsScalar ? throw new CalcException("cannot add a matrix constant to a scalar") : Materialize(b, a.Rows, a.Cols);
        // A scalar added to a vector or matrix is broadcast, as the matrix calculus paper's x + z does.
        return Zip(a, b, (x, y) => x + sign * y, sign > 0 ? "add" : "subtract", allowBroadcast: true);
    }

    /// <summary>Element-wise combination of equal shapes (a scalar operand broadcasts only when allowBroadcast).</summary>
    public static Value Zip(Value a, Value b, Func<double, double, double> f, string what, bool allowBroadcast = false)
    {
        if (a.IsLazy) a = b.IsScalar ? throw new CalcException("cannot size constant") : Materialize(a, b.Rows, b.Cols);
        if (b.IsLazy) b = a.IsScalar ? throw new CalcException("cannot size constant") : Materialize(b, a.Rows, a.Cols);
        if (a.IsScalar && b.IsScalar) return Value.Scalar(f(a.ScalarValue, b.ScalarValue));
        if (allowBroadcast && a.IsScalar) return b.Map(y => f(a.ScalarValue, y));
        if (allowBroadcast && b.IsScalar) return a.Map(x => f(x, b.ScalarValue));
        if (a.IsScalar != b.IsScalar || a.Rows != b.Rows || a.Cols != b.Cols)
            throw new CalcException($"cannot {what} {a.ShapeText} and {b.ShapeText}");
        var d = new double[a.Data.Length];
        for (int i = 0; i < d.Length; i++) d[i] = f(a.Data[i], b.Data[i]);
        return Value.Matrix(a.Rows, a.Cols, d);
    }

    public static Value Multiply(string op, Value a, Value b, bool allowOtimes)
    {
        switch (op)
        {
            case "/":
                if (b.IsScalar) return Scale(a, 1 / b.ScalarValue);
                if (b.IsSquare && !a.IsScalar && !a.IsVectorLike)
                    throw new CalcException($"dividing a {a.ShapeText} matrix by a {b.ShapeText} matrix is ambiguous (A B^{{-1}} or entry by entry): write \\oslash or ^{{-1}}");
                return Zip(a, b, (x, y) => x / y, "divide", allowBroadcast: true);
            case "odot": return Zip(a, b, (x, y) => x * y, "multiply element-wise", allowBroadcast: true);
            case "oslash": return Zip(a, b, (x, y) => x / y, "divide element-wise", allowBroadcast: true);
            case "otimes":
                if (allowOtimes) return Zip(a, b, (x, y) => x * y, "multiply element-wise", allowBroadcast: true);
                if (a.IsLazy || b.IsLazy) throw new CalcException("cannot size \\mathbf{1}, \\mathbf{I} or \\mathbf{0} in a Kronecker product");
                // Between two vectors ⊗ is a Kronecker (outer) product for some authors and element-wise for others.
                if ((a.IsScalar || a.IsVectorLike) && (b.IsScalar || b.IsVectorLike))
                    throw new CalcException("\\otimes of vectors is ambiguous (Kronecker or element-wise): declare '\\otimes \\text{ element-wise}' or use matrices");
                return MatrixFunctions.Kronecker(a, b);
        }
        if (a.IsScalar) return Scale(b, a.ScalarValue);
        if (b.IsScalar) return Scale(a, b.ScalarValue);
        if (op == "cdot" && a.IsColumn && b.IsColumn && a.Rows == b.Rows)
        {
            double s = 0;
            for (int i = 0; i < a.Rows; i++) s += a.Data[i] * b.Data[i];
            return Value.Scalar(s);
        }
        return MatMul(a, b);
    }

    private static Value MatMul(Value a, Value b)
    {
        if (a.IsLazy && b.IsLazy)
        {
            if (a.Lazy == "zero" || b.Lazy == "zero") return Value.LazyConstant("zero", 0);
            if (a.Lazy == "identity") return Scale(b, a.Data[0]);
            if (b.Lazy == "identity") return Scale(a, b.Data[0]);
            // \mathbf{1}\mathbf{1}^T: a matrix of ones whose two sizes may differ, sized by its partner or the derivative.
            if (a.Lazy == "ones" && b.Lazy == "onesRow") return Value.LazyConstant("onesOuter", a.Data[0] * b.Data[0]);
            throw new CalcException("cannot size constants in a product");
        }
        if (a.IsLazy)
        {
            return a.Lazy switch
            {
                "zero" => Value.LazyConstant("zero", 0),
                "identity" => Scale(b, a.Data[0]),
                "onesRow" => MatrixOps.Multiply(Materialize(a, 1, b.Rows), b),
                _ => throw new CalcException("cannot size \\mathbf{1} on the left of a product"),
            };
        }
        if (b.IsLazy)
        {
            return b.Lazy switch
            {
                "zero" => Value.LazyConstant("zero", 0),
                "identity" => Scale(a, b.Data[0]),
                "ones" => MatrixOps.Multiply(a, Materialize(b, a.Cols, 1)),
                _ => throw new CalcException("cannot size \\mathbf{1}^T on the right of a product"),
            };
        }
        return MatrixOps.Multiply(a, b);
    }

    public static Value Power(Value a, Value b, bool elementwise = false, bool ofFunction = false)
    {
        if (a.IsScalar && b.IsScalar) return Value.Scalar(Math.Pow(a.ScalarValue, b.ScalarValue));
        // e^{\mathbf{X}} of a square matrix is the matrix exponential unless functions are declared element-wise.
        if (a.IsScalar && b.IsSquare && !elementwise)
            return a.ScalarValue > 0 ? MatrixFunctions.Exp(Scale(b, Math.Log(a.ScalarValue))) : b.Map(_ => double.NaN);
        if (a.IsScalar) return b.Map(y => Math.Pow(a.ScalarValue, y));
        if (!b.IsScalar) throw new CalcException($"cannot raise {a.ShapeText} to {b.ShapeText}");
        double p = b.ScalarValue;
        if (ofFunction && !a.IsSquare && !a.IsLazy) return a.Map(x => Math.Pow(x, p));
        if (a.IsSquare && p == Math.Round(p) && Math.Abs(p) <= 64)
        {
            var baseM = p < 0 ? MatrixOps.Inverse(a) : a;
            var r = Value.Identity(a.Rows);
            for (int i = 0; i < (int)Math.Abs(p); i++) r = MatrixOps.Multiply(r, baseM);
            return r.IsScalar ? r : r;
        }
        if (a.IsSquare && !elementwise && p != Math.Round(p) && Math.Abs(p) <= 64) return MatrixFunctions.Power(a, p);
        throw new CalcException($"cannot raise {a.ShapeText} to a power (use \\odot for element-wise products)");
    }

    /// <summary>Assembles a block matrix: each row concatenates horizontally, rows stack vertically.</summary>
    public static Value Blocks(IReadOnlyList<IReadOnlyList<Value>> rows)
    {
        var rowValues = new List<Value>();
        foreach (var row in rows)
        {
            int h = row[0].IsScalar ? 1 : row[0].Rows;
            if (row.Any(v => v.IsLazy) || row.Any(v => (v.IsScalar ? 1 : v.Rows) != h))
                throw new CalcException("matrix entries have mismatched heights");
            int w = row.Sum(v => v.IsScalar ? 1 : v.Cols);
            var d = new double[h * w];
            int c0 = 0;
            foreach (var v in row)
            {
                int vc = v.IsScalar ? 1 : v.Cols;
                for (int i = 0; i < h; i++)
                    for (int j = 0; j < vc; j++) d[i * w + c0 + j] = v.IsScalar ? v.ScalarValue : v[i, j];
                c0 += vc;
            }
            rowValues.Add(Value.Matrix(h, w, d));
        }
        int width = rowValues[0].IsScalar ? 1 : rowValues[0].Cols;
        if (rowValues.Any(r => (r.IsScalar ? 1 : r.Cols) != width)) throw new CalcException("matrix rows have different lengths");
        var all = rowValues.SelectMany(r => r.Data).ToArray();
        return Value.Matrix(all.Length / width, width, all);
    }
}
