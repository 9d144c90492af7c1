namespace Bookish.Calculus;

/// <summary>Declarations and definitions that apply to the display equations on source lines <see cref="FromLine"/>–<see cref="ToLine"/>.</summary>
internal sealed record AutoCheckScope(int FromLine, int ToLine, string Declare, string Define);
