using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

/// <summary>One piece of math where it appears: its TeX as in the model, its span, and the anchor of its block when it is
/// display math (<see cref="MathBlock.Id"/>, filled by <c>Numbering.Apply</c>).</summary>
internal sealed record MathOccurrence(string Tex, SourceSpan Span, MathBlock? Block, string? AnchorId, bool Checkable)
{
    public bool IsInline => Block is null;

    public TexLocator Locator(SourceText? source) => Block is { } b
        ? TexLocator.ForBlock(Tex, b.Environment, Span, source)
        : TexLocator.ForInline(Tex, Span, source);
}
