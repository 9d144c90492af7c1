using Bookish.Text;

namespace Bookish.Latex;

/// <summary>The generated .tex with a map from its line numbers to the source spans that produced them.</summary>
internal sealed record LatexDocument(string Tex, IReadOnlyDictionary<int, SourceSpan> LineMap, IReadOnlyList<string> Resources)
{
    /// <summary>
    /// How many leading lines are the document-independent preamble (class, packages, settings) that
    /// <see cref="PdfBuilder"/> dumps into a TeX format once; 0 when there is none.
    /// </summary>
    public int FormatLines { get; init; }
    /// <summary>The log line the run writes on reaching the document's real end (null: not checked).</summary>
    public string? EndMarker { get; init; }
    /// <summary>What the progress marker lines (<see cref="PdfProgress"/>) begin with in this document's runs (null: no markers).</summary>
    public string? ProgressMarker { get; init; }
    /// <summary>Files the LaTeX includes that Bookish drew itself (characters in fallback fonts), by path in the work folder.</summary>
    public IReadOnlyDictionary<string, byte[]> Generated { get; init; } = new Dictionary<string, byte[]>();
    /// <summary>Problems found while writing (characters no installed font has), at their source spans.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Warnings { get; init; } = [];
    /// <summary>
    /// The contents list as the first run should typeset it (the right entries, page numbers unknown): with it, the
    /// first run already has the final layout, so one more run settles the page numbers.
    /// </summary>
    public string TocSeed { get; init; } = "";
    /// <summary>Display equations the writer can shrink to the text width (<see cref="LatexWriterContext.Shrink"/>).</summary>
    public IReadOnlySet<SourceSpan> DisplayMath { get; init; } = new HashSet<SourceSpan>();

    /// <summary>The source span of the construct that produced line <paramref name="texLine"/>.</summary>
    public SourceSpan? SpanOf(int texLine)
    {
        SourceSpan? best = null;
        foreach (var (line, span) in LineMap)
        {
            if (line > texLine) break;
            best = span;
        }
        return best is { IsNone: true } ? null : best;
    }
}
