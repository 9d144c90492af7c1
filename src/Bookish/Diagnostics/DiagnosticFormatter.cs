using System.Text.Json;

namespace Bookish.Diagnostics;

/// <summary>Prints diagnostics as text (compiler style), JSON, or GitHub Actions annotations.</summary>
public static class DiagnosticFormatter
{
    public static string Text(Diagnostic d)
    {
        var where = d.Span.IsNone ? (string.IsNullOrEmpty(d.Span.Path) ? "bookish" : d.Span.Path) : d.Span.ToString();
        var fix = d.Replacement is null ? "" : $" (replace with: {d.Replacement})";
        return $"{where}: {Word(d.Severity)} {d.Id}: {d.Message}{fix}";
    }

    public static string GitHub(Diagnostic d)
    {
        var kind = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
        var loc = d.Span.IsNone ? "" : $" file={RepoPath.Relative(d.Span.Path)},line={d.Span.Line},col={d.Span.Column}";
        var msg = (d.Id + ": " + d.Message).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return $"::{kind}{loc}::{msg}";
    }

    public static string Json(IEnumerable<Diagnostic> diagnostics) =>
        JsonSerializer.Serialize(diagnostics.Select(d => new
        {
            id = d.Id,
            severity = Word(d.Severity),
            message = d.Message,
            path = d.Span.Path,
            line = d.Span.Line,
            column = d.Span.Column,
            endLine = d.Span.EndLine,
            endColumn = d.Span.EndColumn,
            replacement = d.Replacement,
        }), new JsonSerializerOptions { WriteIndented = true });

    public static string Word(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
}
