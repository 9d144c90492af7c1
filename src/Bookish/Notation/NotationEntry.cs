using Bookish.Text;

namespace Bookish.Notation;

/// <summary>
/// One declared symbol: its TeX (<c>\mathbf{x}</c>), meaning, kind, optional shape (<c>m \times n</c>), optional macro
/// name standing for it (<c>vx</c>, without backslash) and optional search phrase. <see cref="Span"/> is where it is declared.
/// </summary>
internal sealed record NotationEntry(string Symbol, string Meaning, NotationKind Kind, SourceSpan Span)
{
    public string? Shape { get; init; }
    /// <summary>Macro name without the backslash (<c>vx</c> for <c>\vx</c>); defined as <see cref="Symbol"/>.</summary>
    public string? Macro { get; init; }
    public string? Search { get; init; }
}
