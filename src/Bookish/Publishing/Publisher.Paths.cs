using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Security;
using Bookish.Text;

namespace Bookish.Publishing;

public static partial class Publisher
{
    /// <summary>
    /// Resolves a file the document names inside the project: its real path when it may be read; null (and an error at
    /// <paramref name="at"/> when the path leads outside the project or is unusable) otherwise. A missing file is null
    /// without a diagnostic: callers word that themselves.
    /// </summary>
    internal static string? ReadablePath(ProjectRoot root, string baseDirectory, string written, string what, SourceSpan at, DiagnosticBag diagnostics)
    {
        var resolved = root.Resolve(baseDirectory, written);
        if (resolved.Status is PathStatus.Outside or PathStatus.Invalid)
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathOutsideProject, at, resolved.Explain(what)));
        return resolved.IsReadable ? resolved.RealPath : null;
    }

    private static readonly Regex IncludeGraphicsPattern = new(@"\\includegraphics\s*(\[[^\]]*\])?\s*\{([^}]+)\}", RegexOptions.Compiled);

    /// <summary>
    /// Every <c>\includegraphics</c> in equations and raw LaTeX of the publication: a path outside the project is an error
    /// at its source span; the renderers skip it (they copy only files inside the project).
    /// </summary>
    private static void CheckTexIncludes(Publication publication, ProjectRoot root, DiagnosticBag diagnostics)
    {
        foreach (var page in publication.Pages)
        {
            var texts = ModelWalker.Blocks(page).Select(b => b switch
                {
                    MathBlock m => (m.Tex, m.Span),
                    RawBlock r => (r.Text, r.Span),
                    _ => ("", SourceSpan.None),
                })
                .Concat(ModelWalker.Inlines(page).Select(i => i switch
                {
                    MathInline m => (m.Tex, m.Span),
                    RawInline r => (r.Text, r.Span),
                    _ => ("", SourceSpan.None),
                }));
            foreach (var (tex, span) in texts)
            {
                if (!tex.Contains(@"\includegraphics", StringComparison.Ordinal)) continue;
                foreach (Match m in IncludeGraphicsPattern.Matches(tex))
                    ReadablePath(root, page.BaseDirectory, m.Groups[2].Value.Trim(), "image", span, diagnostics);
            }
        }
    }

    /// <summary>The name a copied file gets in the output: the written relative path, normalised, when it stays below the page's folder.</summary>
    internal static string? OutputName(string baseDirectory, string written)
    {
        if (Path.IsPathRooted(written) || written.Contains('\0')) return null;
        var full = Path.GetFullPath(Path.Combine(baseDirectory, written));
        var relative = Path.GetRelativePath(baseDirectory, full).Replace('\\', '/');
        return relative == "." || relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? null : relative;
    }

    /// <summary>A template file must have the slot the page's content goes into.</summary>
    private static bool HasBodySlot(string template) =>
        Regex.IsMatch(template, @"data-slot\s*=\s*[""']?body[""'\s>/]", RegexOptions.IgnoreCase);
}
