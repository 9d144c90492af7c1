using System.Globalization;

namespace Bookish.Calculus;

/// <summary>Formats numbers and values for verdict messages: <c>[1, 2; 3, 4]</c> (rows separated by ';').</summary>
internal static class Format
{
    public static string Number(double d) => d.ToString("G6", CultureInfo.InvariantCulture);

    public static string Of(Value v)
    {
        if (v.IsScalar) return Number(v.ScalarValue);
        if (v.IsLazy) return v.Lazy!;
        var rows = Enumerable.Range(0, v.Rows).Select(i => string.Join(", ", Enumerable.Range(0, v.Cols).Select(j => Number(v[i, j]))));
        return "[" + string.Join("; ", rows) + "]";
    }
}
