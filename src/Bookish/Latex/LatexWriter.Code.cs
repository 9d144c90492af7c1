using Bookish.Model;

namespace Bookish.Latex;

internal sealed partial class LatexWriter
{
    /// <summary>Whether any page holds a code block: only then does the preamble define the code colours.</summary>
    private static bool HasCode(Publication publication) =>
        publication.Pages.Any(p => ModelWalker.Blocks(p).Any(b => b is CodeBlock));
}
