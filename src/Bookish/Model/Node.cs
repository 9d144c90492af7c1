using Bookish.Text;

namespace Bookish.Model;

/// <summary>Every node of the document model carries the source span it was read from.</summary>
public abstract record Node(SourceSpan Span);

public abstract record Block(SourceSpan Span) : Node(Span);

public abstract record Inline(SourceSpan Span) : Node(Span);
