namespace Bookish.Cli.Serve;

/// <summary>Where the background PDF stands: off (--no-pdf), waiting, building, ready or failed, for which build.</summary>
internal sealed record PdfState(string State, int ForVersion, byte[]? Bytes = null, string? Message = null, TimeSpan Elapsed = default)
{
    public static PdfState Off { get; } = new("off", 0);
    public IReadOnlyList<Bookish.Diagnostics.Diagnostic> Diagnostics { get; init; } = [];
}
