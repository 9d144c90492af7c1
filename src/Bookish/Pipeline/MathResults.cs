using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Equations;

namespace Bookish.Pipeline;

/// <summary>
/// The math stage's result: the settings every fragment was keyed with, the distinct fragments, the rendered ones by
/// fragment key (TeX, mode, preamble, toolchain), the keys that failed, and the number of TeX runs.
/// </summary>
internal sealed record MathResults(
    MathSettings Settings,
    IReadOnlyList<MathFragment> Fragments,
    IReadOnlyDictionary<string, RenderedMath> Rendered,
    ImmutableHashSet<string> Failed,
    int TexRuns,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>How many fragments came from the cache (the rest of <see cref="Rendered"/> TeX typeset in this build).</summary>
    public int FromCache { get; init; }

    /// <summary>The equations as MathML (KaTeX), for the page's screen-reader copy; empty when not converted.</summary>
    public Bookish.MathML.MathMLResults MathML { get; init; } = Bookish.MathML.MathMLResults.None;

    /// <summary>Whether the fragment of this TeX in this mode failed to render.</summary>
    public bool HasFailed(string tex, MathMode mode) => Failed.Contains(MathFragment.KeyOf(tex, mode, Settings));
}
