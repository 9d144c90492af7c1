using Bookish.Model;

namespace Bookish.Calculus;

/// <summary>
/// Declarations and definitions that apply to the display equations on source lines <see cref="FromLine"/>–<see cref="ToLine"/>;
/// <see cref="Macros"/> are stand-ins read only for checking (<c>\bigcirc</c> as one element-wise operator).
/// </summary>
internal sealed record AutoCheckScope(int FromLine, int ToLine, string Declare, string Define)
{
    public IReadOnlyList<MacroDefinition> Macros { get; init; } = [];

    /// <summary><c>chains: 2</c> or <c>chains: 1-2</c>: only these derivative chains of an equation (1-based, in the order <c>--list-chains</c> shows); 0 = all.</summary>
    public int FromChain { get; init; }
    public int ToChain { get; init; }

    public bool Covers(int line, int chain) => line >= FromLine && line <= ToLine && (FromChain == 0 || (chain >= FromChain && chain <= ToChain));
}
