namespace Bookish.Citations;

/// <summary>A piece of a citation's printed text; <see cref="RefId"/> is the reference it links to (null for plain text).</summary>
internal sealed record CitePiece(string Text, string? RefId = null);
