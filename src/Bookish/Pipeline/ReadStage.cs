using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Publishing;
using Bookish.Security;
using Bookish.Text;

namespace Bookish.Pipeline;

/// <summary>What reading gave: the publication (null when there is nothing to build), what kind of failure that is, and the diagnostics.</summary>
internal sealed record ReadResult(Publication? Publication, BuildKind Kind, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Stage 1: the input (a Markdown file, a folder or book, the legacy dialect) read into one publication.</summary>
internal static class ReadStage
{
    /// <param name="what">The verb for "nothing to …" when the input has no pages (build, check).</param>
    public static ReadResult Run(string input, ProjectRoot root, string what = "build")
    {
        var diagnostics = new DiagnosticBag();
        var (publication, unusable) = DeepStack.Run(() => InputReader.ReadOrRefuse(input, diagnostics, root));
        if (publication is null)
            return new ReadResult(null, unusable ? BuildKind.BadInput : BuildKind.Errors, diagnostics.ToList());
        if (publication.Pages.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.DialectSyntax, SourceSpan.At(input, 1, 1), $"the document has no pages (a root without <include>s, or no readable chapter); nothing to {what}"));
            return new ReadResult(null, BuildKind.Errors, diagnostics.ToList());
        }
        return new ReadResult(publication, BuildKind.Succeeded, diagnostics.ToList());
    }
}
