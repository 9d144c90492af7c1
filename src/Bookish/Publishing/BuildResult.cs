using Bookish.Diagnostics;
using Bookish.Model;

namespace Bookish.Publishing;

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, string OutputDirectory)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
    public Publication? Publication { get; init; }
    public int MathFragments { get; init; }
    public int MathRendered { get; init; }
    public int TexRuns { get; init; }
    public string? PdfPath { get; init; }
    public IReadOnlyDictionary<string, TimeSpan> Timings { get; init; } = new Dictionary<string, TimeSpan>();
}
