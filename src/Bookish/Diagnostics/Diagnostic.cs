using Bookish.Text;

namespace Bookish.Diagnostics;

/// <summary>A problem with the input, printed like a compiler: <c>path:line:col: error BK1203: message</c>.</summary>
public sealed record Diagnostic(string Id, Severity Severity, string Message, SourceSpan Span)
{
    public string? Replacement { get; init; }

    public static Diagnostic Error(string id, SourceSpan span, string message) => new(id, Severity.Error, message, span);
    public static Diagnostic Warning(string id, SourceSpan span, string message) => new(id, Severity.Warning, message, span);

    public bool IsError => Severity == Severity.Error;

    public override string ToString() => DiagnosticFormatter.Text(this);
}
