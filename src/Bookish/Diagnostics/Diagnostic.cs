using Bookish.Text;

namespace Bookish.Diagnostics;

/// <summary>A problem with the input, printed like a compiler: <c>path:line:col: error BK1203: message</c>.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, Severity Severity, string Message, SourceSpan Span)
{
    public string Id => Descriptor.Id;
    public string? Replacement { get; init; }

    /// <summary>A diagnostic with its descriptor's default severity.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, string message) => new(descriptor, descriptor.DefaultSeverity, message, span);
    public static Diagnostic Error(DiagnosticDescriptor descriptor, SourceSpan span, string message) => new(descriptor, Severity.Error, message, span);
    public static Diagnostic Warning(DiagnosticDescriptor descriptor, SourceSpan span, string message) => new(descriptor, Severity.Warning, message, span);

    public bool IsError => Severity == Severity.Error;

    public override string ToString() => DiagnosticFormatter.Text(this);
}
