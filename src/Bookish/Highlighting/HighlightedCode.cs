using System.Collections.Immutable;

namespace Bookish.Highlighting;

/// <summary>
/// Code split into lines of tokens: what both writers show. <see cref="Language"/> is the grammar used (null: shown
/// plain). <see cref="Incomplete"/>: the grammar took too long on some line and the rest of the block is plain.
/// The text of all tokens, lines joined by '\n', is the code with '\r' dropped, tabs kept, and control characters
/// shown as their Unicode pictures (␀, ␛).
/// </summary>
internal sealed record HighlightedCode(string? Language, ImmutableArray<ImmutableArray<CodeToken>> Lines)
{
    public bool Incomplete { get; init; }

    /// <summary>The text of one line.</summary>
    public string LineText(int index) => string.Concat(Lines[index].Select(t => t.Text));
}
