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
        // file= relative to the repository (so the annotation lands on the pull request's file), the span's end when it
        // is on the same line, and title= the id and what it means (GitHub shows it as the annotation's heading).
        var loc = d.Span.IsNone ? "" : $" file={Property(RepoPath.Relative(d.Span.Path))},line={d.Span.Line},col={d.Span.Column}" +
            (d.Span.EndLine > d.Span.Line ? $",endLine={d.Span.EndLine}" : d.Span.EndLine == d.Span.Line && d.Span.EndColumn > d.Span.Column ? $",endColumn={d.Span.EndColumn}" : "");
        var title = $"title={Property($"{d.Id} {d.Descriptor.Title}")}";
        var msg = (d.Id + ": " + d.Message).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return $"::{kind}{loc}{(loc.Length > 0 ? "," : " ")}{title}::{msg}";
    }

    /// <summary>A workflow command's property value: GitHub's escapes for %, CR, LF, ':' and ','.</summary>
    private static string Property(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").Replace(":", "%3A").Replace(",", "%2C");

    public static string Json(IEnumerable<Diagnostic> diagnostics) =>
        JsonSerializer.Serialize(diagnostics.Select(d => new DiagnosticJson(d.Id, Word(d.Severity), d.Message, d.Span.Path, d.Span.Line, d.Span.Column,
            d.Span.EndLine, d.Span.EndColumn, d.Replacement)).ToList(), DiagnosticJsonContext.Default.ListDiagnosticJson);

    public static string Word(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
}
