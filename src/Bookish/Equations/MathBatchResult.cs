using Bookish.Diagnostics;

namespace Bookish.Equations;

/// <summary>What a render produced: the rendered fragments by key, and diagnostics for those that failed.</summary>
public sealed record MathBatchResult(IReadOnlyDictionary<string, RenderedMath> Rendered, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int TexRuns { get; init; }
    /// <summary>How many of the fragments came from the cache rather than TeX (the summary line's "from cache").</summary>
    public int FromCache { get; init; }
}
