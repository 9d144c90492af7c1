using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

/// <summary>What the notation stage gives the pipeline: the declarations (for the preamble, the table and the derivative
/// checker), the lint options, and the diagnostics of reading and linting.</summary>
internal sealed record NotationResult(NotationSet Notation, LintOptions Options, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The notation stage in one call: read the declarations and the <c>lint:</c> options, run the lint.</summary>
internal static class NotationCheck
{
    /// <summary>
    /// Reads <paramref name="document"/>'s notation and lint options and lints its math. Pass the document's
    /// <paramref name="source"/> for exact positions (front matter entries, multi-line math). Every diagnostic is also
    /// added to <paramref name="diagnostics"/>. Pure apart from reading a notation file the front matter names.
    /// </summary>
    public static NotationResult Run(Document document, DiagnosticBag diagnostics, SourceText? source = null)
    {
        var own = new DiagnosticBag();
        var notation = NotationReader.Read(document, own, source);
        var options = LintOptions.FromMetadata(document.Metadata, document.SourcePath, own);
        own.AddRange(NotationLint.Run(document, notation, options, source));
        var all = own.ToList();
        diagnostics.AddRange(all);
        return new NotationResult(notation, options, all);
    }
}
