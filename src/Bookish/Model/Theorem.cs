using System.Collections.Immutable;
using Bookish.Text;

namespace Bookish.Model;

/// <summary>
/// A theorem-like block (<c>::: {.theorem #thm:chain}</c>): theorem, lemma, definition, proof, … <see cref="Number"/> is
/// filled by <see cref="Numbering"/> per kind (empty for proofs, remarks and solutions).
/// </summary>
internal sealed record Theorem(TheoremKind Kind, ImmutableArray<Inline> Title, ImmutableArray<Block> Blocks, SourceSpan Span) : Block(Span)
{
    public string? Label { get; init; }
    public string Number { get; init; } = "";
    public string Id { get; init; } = "";
}
