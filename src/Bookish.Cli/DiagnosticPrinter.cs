using Bookish.Diagnostics;

namespace Bookish.Cli;

/// <summary>
/// Prints diagnostics: <c>pretty</c> (rustc style: the source line excerpted with a caret; what a terminal gets),
/// <c>text</c> (one line each, what CI logs get), <c>json</c>, or <c>github</c> (workflow annotations). Paths are
/// shown relative to the working folder (GitHub's relative to the repository).
/// </summary>
internal static class DiagnosticPrinter
{
    /// <summary>The format when --format is not given: pretty on an interactive terminal, one line otherwise.</summary>
    public static string Auto(bool redirected) =>
        !redirected && Environment.GetEnvironmentVariable("CI") is not { Length: > 0 } && Environment.GetEnvironmentVariable("TERM") is not "dumb" ? "pretty" : "text";

    public static void Print(IReadOnlyList<Diagnostic> diagnostics, string format, TextWriter writer, bool color = false)
    {
        var cwd = Directory.GetCurrentDirectory();
        switch (format)
        {
            case "json":
                writer.WriteLine(DiagnosticFormatter.Json(diagnostics));
                break;
            case "github":
                foreach (var d in diagnostics) writer.WriteLine(DiagnosticFormatter.GitHub(d));
                break;
            case "pretty":
                var excerpts = new SourceExcerpts();
                foreach (var d in diagnostics) writer.Write(PrettyDiagnostic.Format(Relative(d, cwd), excerpts, color));
                break;
            default:
                foreach (var d in diagnostics) writer.WriteLine(DiagnosticFormatter.Text(Relative(d, cwd)));
                break;
        }
    }

    /// <summary>The diagnostic with its path relative to <paramref name="cwd"/> when the file lies inside it.</summary>
    internal static Diagnostic Relative(Diagnostic d, string cwd) =>
        d.Span.Path is { Length: > 0 } path && RelativePath(path, cwd) is var shown && shown != path ? d with { Span = d.Span with { Path = shown } } : d;

    internal static string RelativePath(string path, string cwd)
    {
        if (!Path.IsPathRooted(path)) return path;
        var relative = Path.GetRelativePath(cwd, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
