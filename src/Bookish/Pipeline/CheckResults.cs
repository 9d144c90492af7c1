using System.Collections.Immutable;
using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Notation;

namespace Bookish.Pipeline;

/// <summary>The verdict on one derivative check block, with the context in force before it (for the page's own checker).</summary>
internal sealed record CheckVerdict(Verdict Verdict, string Declarations, string Definitions, string Layout, string Macros = "");

/// <summary>A plot drawn from its figure's functions: SVG for the page, PDF for LaTeX.</summary>
internal sealed record PlotDrawing(string Svg, byte[] Pdf);

/// <summary>
/// What the checks over the model found, in terms no writer owns: notation per page, derivative verdicts per check
/// block, plot drawings per figure, notation table rows and first-use anchors per page, the macros notation adds to the
/// preamble, the cited references, and the diagnostics. Immutable; each writer turns it into its own output.
/// </summary>
internal sealed record CheckResults(
    ImmutableDictionary<string, NotationResult> Notation,
    ImmutableArray<MacroDefinition> ExtraMacros,
    ImmutableDictionary<string, CheckVerdict> Verdicts,
    ImmutableDictionary<string, PlotDrawing> Plots,
    ImmutableDictionary<string, IReadOnlyList<NotationRow>> NotationRows,
    ImmutableDictionary<string, IReadOnlyDictionary<(int Line, int Column), string>> InlineAnchors,
    Citations.Bibliography Bibliography,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public int ChecksVerified => Verdicts.Values.Count(v => v.Verdict.Kind == VerdictKind.Verified);
    public int ChecksRefuted => Verdicts.Values.Count(v => v.Verdict.Kind == VerdictKind.Refuted);
    public int ChecksNotCheckable => Verdicts.Count - ChecksVerified - ChecksRefuted;

    /// <summary>The notation rows of every page, each symbol once (the PDF's single notation table).</summary>
    public IReadOnlyList<NotationRow> AllNotationRows(Publication publication) =>
        publication.Pages.SelectMany(p => NotationRows.GetValueOrDefault(p.PageName, [])).DistinctBy(r => r.Symbol).ToList();
}
