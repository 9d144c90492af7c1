namespace Bookish.Calculus;

/// <summary>Bad input found while parsing or evaluating; caught at the checker boundary and turned into a verdict.</summary>
internal sealed class CalcException(string reason, int start = -1, int end = -1) : Exception(reason)
{
    public string Reason { get; } = reason;
    public int SourceStart { get; } = start;
    public int SourceEnd { get; } = end;

    /// <summary>The input exceeds a parser limit (length, nesting): a claim that cannot even be read is an error, not "not checkable".</summary>
    public bool TooLarge { get; init; }
}
