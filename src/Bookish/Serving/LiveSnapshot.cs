using Bookish.Diagnostics;

namespace Bookish.Serving;

/// <summary>
/// What a serve session shows after one rebuild: every page's HTML by output name, the project files the pages use
/// (style sheets, scripts, images) by output name and source path, and the diagnostics of the last attempt. When the
/// last attempt read nothing (the input deleted, a syntax error that stops reading), the pages are the last good ones.
/// </summary>
internal sealed record LiveSnapshot(
    int Version,
    IReadOnlyDictionary<string, byte[]> Files,
    IReadOnlyDictionary<string, string> Copies,
    IReadOnlyDictionary<string, int> PageVersions,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public static LiveSnapshot Empty { get; } = new(0, new Dictionary<string, byte[]>(), new Dictionary<string, string>(), new Dictionary<string, int>(), []);

    /// <summary>Whether this attempt built pages (false: the pages shown are the last good ones, or none yet).</summary>
    public bool Built { get; init; }
    /// <summary>The pages this attempt wrote again (without ".html").</summary>
    public IReadOnlyList<string> Rebuilt { get; init; } = [];
    /// <summary>Equations this attempt handed to TeX or the disk cache (new or still failing ones).</summary>
    public int NewEquations { get; init; }
    public int Equations { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>CPU time the process spent during the rebuild (all threads): on a busy machine, closer to what it costs than the wall time.</summary>
    public TimeSpan Cpu { get; init; }
    /// <summary>How long each stage of this rebuild took.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> Timings { get; init; } = [];
    /// <summary>The PDF's name (<c>name.pdf</c>) once the publication has been read.</summary>
    public string? PdfName { get; init; }
    public int Errors => Diagnostics.Count(d => d.IsError);
}
