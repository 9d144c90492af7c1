using Bookish.Equations;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

/// <summary>
/// The notation table's content, shared by the HTML and LaTeX writers so both print the same rows in the same order:
/// declaration order, one row per distinct symbol (the first declaration wins; duplicates are the lint's business).
/// </summary>
public static class NotationTable
{
    public static IReadOnlyList<NotationRow> Rows(Document document, NotationSet notation)
    {
        if (notation.Entries.IsEmpty) return [];
        var analysis = new NotationAnalysis(document, notation);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<NotationRow>();
        for (var e = 0; e < notation.Entries.Length; e++)
        {
            if (!seen.Add(analysis.Keys[e])) continue;
            var entry = notation.Entries[e];
            NotationUse? use = null;
            if (analysis.FirstUse[e] is var (o, _))
            {
                var occurrence = analysis.Occurrences[o];
                use = new NotationUse(occurrence.AnchorId, occurrence.Span);
            }
            rows.Add(new NotationRow(entry.Symbol, entry.Meaning, entry.Kind, entry.Shape, entry.Search, use));
        }
        return rows;
    }

    /// <summary>
    /// The TeX the table typesets (each symbol and shape, inline math), for <c>MathCollector.Collect(docs, extra)</c>:
    /// pass <c>NotationTable.MathOf(notation)</c> as <c>extra</c> so the renderer makes their SVGs in the same batch.
    /// </summary>
    public static Func<Block, IEnumerable<(string Tex, MathMode Mode, SourceSpan Span)>> MathOf(NotationSet notation) =>
        block => block is NotationTablePlaceholder p
            ? notation.Entries.SelectMany(e => new[] { e.Symbol, e.Shape }).OfType<string>().Distinct()
                .Select(tex => (tex, MathMode.Inline, p.Span))
            : [];
}
