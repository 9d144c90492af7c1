namespace Bookish.Notation;

/// <summary>A problem found inside one TeX fragment: offsets into the fragment, the offending text and its fix.</summary>
internal sealed record TexFinding(int Start, int End, string Text, string? Replacement, string Message);
