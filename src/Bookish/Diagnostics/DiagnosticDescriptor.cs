namespace Bookish.Diagnostics;

/// <summary>
/// One meaning of a diagnostic: its stable id (<c>BKnnnn</c>, what users see and search for), the severity it has unless
/// a setting changes it, and a short title (the catalogue in <see cref="DiagnosticIds"/> lists them all).
/// </summary>
public sealed record DiagnosticDescriptor(string Id, Severity DefaultSeverity, string Title)
{
    /// <summary>The id, so a descriptor reads where an id string is expected (<c>d.Id == DiagnosticIds.TexError</c>).</summary>
    public static implicit operator string(DiagnosticDescriptor descriptor) => descriptor.Id;

    public override string ToString() => Id;
}
