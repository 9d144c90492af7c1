using Bookish.Text;

namespace Bookish.Notation;

/// <summary>Where a symbol is first used: the anchor id of its display equation (<c>MathBlock.Id</c>, after
/// <c>Numbering.Apply</c>) or check block, or null for inline math; and the span of that math in the source (for inline
/// math, the writer maps it to the enclosing block's anchor).</summary>
internal sealed record NotationUse(string? Id, SourceSpan Span, bool Inline);
