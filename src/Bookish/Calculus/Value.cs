namespace Bookish.Calculus;

/// <summary>
/// A scalar, a column vector (n×1), or a matrix (m×n, rows of 1×n included), stored row-major. A <see cref="Lazy"/>
/// value is an unsized <c>\mathbf{1}</c> ("ones", "onesRow"), <c>\mathbf{I}</c> ("identity") or <c>\mathbf{0}</c>
/// ("zero") times <c>Data[0]</c>, sized when it meets a sized operand.
/// </summary>
internal sealed class Value
{
    private Value(int rows, int cols, double[] data, bool isScalar, string? lazy)
    {
        Rows = rows;
        Cols = cols;
        Data = data;
        IsScalar = isScalar;
        Lazy = lazy;
    }

    public int Rows { get; }
    public int Cols { get; }
    public double[] Data { get; }
    public bool IsScalar { get; }
    public string? Lazy { get; }

    public bool IsLazy => Lazy != null;
    public bool IsColumn => !IsScalar && !IsLazy && Cols == 1;
    public bool IsRow => !IsScalar && !IsLazy && Rows == 1;
    public bool IsVectorLike => IsColumn || IsRow;
    public bool IsSquare => !IsScalar && !IsLazy && Rows == Cols;
    public double this[int r, int c] => Data[r * Cols + c];
    public double ScalarValue => Data[0];

    public static Value Scalar(double v) => new(1, 1, [v], true, null);
    public static Value LazyConstant(string kind, double scale) => new(0, 0, [scale], false, kind);

    /// <summary>A matrix; 1×1 results are demoted to scalars.</summary>
    public static Value Matrix(int rows, int cols, double[] data) =>
        rows == 1 && cols == 1 ? Scalar(data[0]) : new Value(rows, cols, data, false, null);

    public static Value Zeros(int rows, int cols) => Matrix(rows, cols, new double[rows * cols]);

    public static Value Identity(int n)
    {
        var d = new double[n * n];
        for (int i = 0; i < n; i++) d[i * n + i] = 1;
        return Matrix(n, n, d);
    }

    public string ShapeText => IsScalar ? "scalar" : IsLazy ? (Lazy == "onesRow" ? "a row of ones" : Lazy == "ones" ? "a column of ones" : Lazy == "identity" ? "an identity matrix" : Lazy == "onesOuter" ? "a matrix of ones" : "a zero") : IsColumn ? $"vector {Rows}" : $"{Rows}×{Cols}";

    public bool HasNaN => Data.Any(d => double.IsNaN(d) || double.IsInfinity(d));

    public Value Map(Func<double, double> f)
    {
        if (IsLazy) throw new CalcException("cannot size \\mathbf{1}, \\mathbf{I} or \\mathbf{0} here");
        var d = new double[Data.Length];
        for (int i = 0; i < d.Length; i++) d[i] = f(Data[i]);
        return IsScalar ? Scalar(d[0]) : Matrix(Rows, Cols, d);
    }
}
