using Bookish.Diagnostics;
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

    /// <summary>The name a copied file gets in the output: the written relative path, normalised, when it stays below the page's folder.</summary>
    internal static string? OutputName(string baseDirectory, string written)
    {
        if (Path.IsPathRooted(written) || written.Contains('\0')) return null;
        var full = Path.GetFullPath(Path.Combine(baseDirectory, written));
        var relative = Path.GetRelativePath(baseDirectory, full).Replace('\\', '/');
        return relative == "." || relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? null : relative;
    }
}
