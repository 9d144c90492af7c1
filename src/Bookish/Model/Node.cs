using Bookish.Text;

namespace Bookish.Model;

/// <summary>Every node of the document model carries the source span it was read from.</summary>
internal abstract record Node(SourceSpan Span);

internal abstract record Block(SourceSpan Span) : Node(Span);

internal abstract record Inline(SourceSpan Span) : Node(Span);
