using Bookish.Model;

namespace Bookish.Calculus;

/// <summary>
/// Declarations and definitions that apply to the display equations on source lines <see cref="FromLine"/>–<see cref="ToLine"/>;
/// <see cref="Macros"/> are stand-ins read only for checking (<c>\bigcirc</c> as one element-wise operator).
/// </summary>
internal sealed record AutoCheckScope(int FromLine, int ToLine, string Declare, string Define)
{
    public IReadOnlyList<MacroDefinition> Macros { get; init; } = [];
}
