using Bookish.Model;
using Bookish.Text;

namespace Bookish.Reading;

/// <summary>A <c>[label]</c> reference, resolved once every chapter is read.</summary>
internal sealed record PendingRef(string Label, int Chapter, SourceSpan Span) : Inline(Span);

/// <summary>Where a side item was defined; becomes its note unless a reference placed it earlier.</summary>
internal sealed record PendingSide(SideItem Item, SourceSpan Span) : Inline(Span);

/// <summary>A side item (<c>citation</c>, <c>site</c>, <c>sidequote</c>, <c>sidenote</c>, <c>sidefig</c>) as defined.</summary>
internal sealed class SideItem(string? label, int chapter, System.Collections.Immutable.ImmutableArray<Block> content, SourceSpan span)
{
    public string? Label { get; } = label;
    public int Chapter { get; } = chapter;
    public System.Collections.Immutable.ImmutableArray<Block> Content { get; } = content;
    public SourceSpan Span { get; } = span;
    public bool Referenced { get; set; }
    public bool Placed { get; set; }
}
