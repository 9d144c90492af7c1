namespace Bookish.Calculus;

/// <summary>
/// Auto mode settings. With <see cref="Declarations"/> (the notation table, in <c>declare:</c> syntax) only those symbols
/// are known; otherwise the legacy convention applies: bold lowercase = vector of <see cref="VectorSize"/>, bold
/// uppercase = square matrix of that size, plain letters and Greek = scalars.
/// </summary>
internal sealed record AutoCheckOptions
{
    public string? Declarations { get; init; }
    public string Layout { get; init; } = "numerator";
    public int VectorSize { get; init; } = 3;
    public uint Seed { get; init; } = CheckOptions.Default.Seed;

    /// <summary>The document's macros, expanded in each equation before it is read.</summary>
    internal IReadOnlyList<Model.MacroDefinition> Macros { get; init; } = [];

    /// <summary>A declarations sidecar (<c>--declarations FILE</c>): its declarations join the notation's, its scopes apply by line.</summary>
    public DerivativeSidecar? Sidecar { get; init; }
}
