namespace Bookish.Highlighting;

/// <summary>A run of code text of one <see cref="TokenKind"/> (never spans a line end).</summary>
internal readonly record struct CodeToken(string Text, TokenKind Kind);
