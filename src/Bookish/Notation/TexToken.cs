namespace Bookish.Notation;

internal enum TexTokenKind { Command, ControlSymbol, Letters, Char, Open, Close, Space }

/// <summary>Where a token sits: plain math, the argument of a font command (<c>\mathbf{…}</c>), text, or raw arguments
/// (labels, environment names, colours) that are not math at all.</summary>
internal enum TexContext { Math, Font, Text, Raw }

/// <summary>A token of a TeX math fragment, with its zero-based offset in the fragment.</summary>
internal readonly record struct TexToken(TexTokenKind Kind, string Text, int Start)
{
    public int End => Start + Text.Length;
    public TexContext Context { get; init; }
    /// <summary>The innermost font command around the token (<c>\mathbf</c>), if any.</summary>
    public string? Font { get; init; }
    public bool Is(TexTokenKind kind, string text) => Kind == kind && Text == text;
}
