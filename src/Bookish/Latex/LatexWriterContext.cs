using Bookish.Model;

namespace Bookish.Latex;

/// <summary>Inputs of the LaTeX writer: the publication, the template text, the shared preamble, and image paths.</summary>
internal sealed record LatexWriterContext(Publication Publication, string TemplateTex, string Preamble)
{
    /// <summary>Maps a figure to a file name usable by \includegraphics inside the work directory (null if missing).</summary>
    public Func<Figure, string?> ResolveImage { get; init; } = f => f.Source;
    public IReadOnlyList<NotationRow> NotationRows { get; init; } = [];
    /// <summary>Cited references, numbered as in the page.</summary>
    internal Citations.Bibliography Bibliography { get; init; } = Citations.Bibliography.Empty;
    /// <summary>Whether the math fragment (TeX as rendered, mode) failed to render: printed as a visible marker so the PDF still builds.</summary>
    public Func<string, Equations.MathMode, bool> IsBrokenMath { get; init; } = (_, _) => false;
    /// <summary>
    /// Constructs pdfLaTeX failed on in an earlier run (their source span, TeX's message): written as visible markers
    /// on the next run so the PDF is produced anyway (see <see cref="PdfBuilder"/>).
    /// </summary>
    public IReadOnlyDictionary<Text.SourceSpan, string> Failed { get; init; } = new Dictionary<Text.SourceSpan, string>();
    /// <summary>Display equations wider than the text in an earlier run: shrunk to the text width on the next.</summary>
    public IReadOnlySet<Text.SourceSpan> Shrink { get; init; } = new HashSet<Text.SourceSpan>();
}
