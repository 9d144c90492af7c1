using Bookish.Diagnostics;
using Bookish.Model;

namespace Bookish.Publishing;

/// <summary>How a build (or check) ended, which alone decides the command's exit code.</summary>
public enum BuildKind
{
    /// <summary>Built; warnings at most (exit 0).</summary>
    Succeeded,
    /// <summary>Built as far as possible, with error diagnostics (exit 1).</summary>
    Errors,
    /// <summary>Nothing could be built: the input or an option names something that is not there or may not be used (exit 2).</summary>
    BadInput,
}

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, string OutputDirectory)
{
    /// <summary>Set by the build when the input itself was unusable; otherwise follows the diagnostics.</summary>
    public BuildKind Kind
    {
        get => _badInput ? BuildKind.BadInput : Diagnostics.Any(d => d.IsError) ? BuildKind.Errors : BuildKind.Succeeded;
        init => _badInput = value == BuildKind.BadInput;
    }
    private readonly bool _badInput;

    public bool Succeeded => Kind == BuildKind.Succeeded;
    internal Publication? Publication { get; init; }
    public int MathFragments { get; init; }
    public int MathRendered { get; init; }
    public int TexRuns { get; init; }
    /// <summary>Equations taken from the cache; <see cref="MathRendered"/> minus these were typeset by TeX in this build.</summary>
    public int MathFromCache { get; init; }
    /// <summary>The equations' MathML for screen readers: how many were converted, rejected by KaTeX, taken from the cache.</summary>
    internal Bookish.MathML.MathMLResults MathML { get; init; } = Bookish.MathML.MathMLResults.None;
    /// <summary>Whether the output folder was written (false when the input was missing or could not be read at all).</summary>
    public bool OutputWritten { get; init; }
    /// <summary>Python processes this build started (0 when every cell came from the freeze cache or none ran).</summary>
    public int PythonProcesses { get; init; }
    public int PythonCellsRun { get; init; }
    public int PythonCellsFromCache { get; init; }
    public string? PdfPath { get; init; }
    /// <summary>The EPUB written (with --epub or <c>formats: [epub]</c>), or null.</summary>
    public string? EpubPath { get; init; }
    public IReadOnlyDictionary<string, TimeSpan> Timings { get; init; } = new Dictionary<string, TimeSpan>();
}
