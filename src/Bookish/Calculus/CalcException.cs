namespace Bookish.Calculus;

/// <summary>Bad input found while parsing or evaluating; caught at the checker boundary and turned into a verdict.</summary>
internal sealed class CalcException(string reason, int start = -1, int end = -1) : Exception(reason)
{
    public string Reason { get; } = reason;
    public int SourceStart { get; } = start;
    public int SourceEnd { get; } = end;
}
