using Bookish.Equations;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

/// <summary>
/// The notation table's content, shared by the HTML and LaTeX writers so both print the same rows in the same order:
/// declaration order, one row per distinct symbol (the first declaration wins; duplicates are the lint's business).
/// </summary>
internal static class NotationTable
{
    /// <summary>
    /// The rows, each with the anchor of the symbol's first use: the id of the display equation using it, or for inline
    /// math the id <paramref name="inlineAnchor"/> gives for the inline math's span (null when not given).
    /// </summary>
    public static IReadOnlyList<NotationRow> Rows(Document document, NotationSet notation, Func<SourceSpan, string?>? inlineAnchor = null) =>
        Build(document, notation).Select(r =>
        {
            var e = r.Entry;
            var id = r.Use is { Inline: true } u ? inlineAnchor?.Invoke(u.Span) : r.Use?.Id;
            return new NotationRow(e.Symbol, e.Meaning, e.Kind.ToString().ToLowerInvariant(), e.Shape, e.Search, id);
        }).ToList();

    /// <summary>For each row of <see cref="Rows"/> (same order): the entry and its first use, or null when unused.</summary>
    public static IReadOnlyList<(NotationEntry Entry, NotationUse? FirstUse)> Uses(Document document, NotationSet notation) =>
        Build(document, notation).Select(r => (r.Entry, r.Use)).ToList();

    private static List<(NotationEntry Entry, NotationUse? Use)> Build(Document document, NotationSet notation)
    {
        if (notation.Entries.IsEmpty) return [];
        var analysis = new NotationAnalysis(document, notation);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<(NotationEntry, NotationUse?)>();
        for (var e = 0; e < notation.Entries.Length; e++)
        {
            if (!seen.Add(analysis.Keys[e])) continue;
            NotationUse? use = null;
            if (analysis.FirstUse[e] is var (o, _))
            {
                var occurrence = analysis.Occurrences[o];
                use = new NotationUse(occurrence.AnchorId, occurrence.Span, occurrence.IsInline);
            }
            rows.Add((notation.Entries[e], use));
        }
        return rows;
    }

    /// <summary>
    /// The TeX the table typesets (each symbol and shape, as inline math), for <c>MathCollector.Collect(pages, extra)</c>:
    /// pass <c>NotationTable.MathOf(notation)</c> as <c>extra</c> so the renderer makes their SVGs in the same batch.
    /// </summary>
    public static Func<Block, IEnumerable<(string Tex, MathMode Mode, SourceSpan Span)>> MathOf(NotationSet notation) =>
        block => block is NotationTablePlaceholder p
            ? notation.Entries.SelectMany(e => new[] { e.Symbol, e.Shape }).OfType<string>().Distinct()
                .Select(tex => (tex, MathMode.Inline, p.Span))
            : [];
}
