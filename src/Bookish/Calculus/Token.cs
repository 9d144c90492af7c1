namespace Bookish.Calculus;

/// <summary>One lexical unit of the LaTeX math subset; <see cref="Start"/>/<see cref="End"/> index the source string.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Start, int End)
{
    public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;
    public bool IsSymbol(string text) => Kind == TokenKind.Symbol && Text == text;
    public bool IsCommand(string name) => Kind == TokenKind.Command && Text == name;
    public bool IsLetter(string letter) => Kind == TokenKind.Letter && Text == letter;
}
