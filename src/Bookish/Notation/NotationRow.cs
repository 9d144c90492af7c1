using Bookish.Text;

namespace Bookish.Notation;

/// <summary>Where a symbol is first used: the anchor id of its display equation (or check block), or, for inline math,
/// only the span of the inline math (the writer maps it to the enclosing block's anchor).</summary>
public sealed record NotationUse(string? Id, SourceSpan Span);

/// <summary>One row of the notation table: the symbol's TeX (to typeset), meaning, kind, shape TeX, search phrase and first use.</summary>
public sealed record NotationRow(string Symbol, string Meaning, NotationKind Kind, string? Shape, string? Search, NotationUse? FirstUse)
{
    /// <summary>The kind as printed in the table ("vector").</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}
