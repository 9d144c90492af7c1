using Bookish.Diagnostics;

namespace Bookish.Equations;

/// <summary>What a render produced: the rendered fragments by key, and diagnostics for those that failed.</summary>
public sealed record MathBatchResult(IReadOnlyDictionary<string, RenderedMath> Rendered, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int TexRuns { get; init; }
}
