namespace Bookish.Notation;

/// <summary>A token of the canonical form used to compare symbols: spaces dropped, one letter per token, single-token
/// arguments braced, macros expanded. <see cref="Start"/>/<see cref="End"/> point into the original fragment (an
/// expanded macro's tokens all point at the macro call).</summary>
internal readonly record struct CanonToken(string Text, int Start, int End, TexContext Context, bool FromMacro = false);
