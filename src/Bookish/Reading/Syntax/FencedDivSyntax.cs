using Markdig.Parsers;
using Markdig.Syntax;

namespace Bookish.Reading.Syntax;

/// <summary>
/// A Pandoc fenced div: <c>::: {.callout-note title="…"}</c>, <c>::: {.theorem #thm:x}</c>, or Bookish's
/// <c>::: tip Title</c>. A closing <c>:::</c> closes the innermost open div (Pandoc's rule).
/// </summary>
internal sealed class FencedDivSyntax(BlockParser parser) : ContainerBlock(parser)
{
    public DivAttributes Attributes { get; set; } = DivAttributes.Empty;
    /// <summary>The words after a bare kind (<c>::: tip Title words</c>).</summary>
    public string Arguments { get; set; } = "";
    public int FenceLength { get; set; }
    /// <summary>Attributes written in braces (<c>{.kind}</c>) rather than a bare word.</summary>
    public bool Braced { get; set; }
    /// <summary>Closed by its own fence.</summary>
    public bool Closed { get; set; }
    /// <summary>Closed by Markdig, by its fence or because its parent ended.</summary>
    public bool Ended { get; set; }
}
