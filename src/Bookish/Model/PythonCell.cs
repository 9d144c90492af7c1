using System.Collections.Immutable;
using Bookish.Text;

namespace Bookish.Model;

/// <summary>
/// An executable Python cell (legacy <c>&lt;pyeval&gt;</c>/<c>&lt;pyfig&gt;</c>, Markdown <c>```{python}</c>). It never
/// reaches a writer: the Python stage replaces it with the code and its results as ordinary blocks.
/// </summary>
internal sealed record PythonCell(string Code, SourceSpan Span) : Block(Span)
{
    /// <summary>Line of the source the cell's first code line stands on (1-based), to map tracebacks.</summary>
    public int FirstCodeLine { get; init; }
    /// <summary>Cells with the same group share one Python namespace (bookish's <c>label</c>; Markdown: one per document).</summary>
    public string Group { get; init; } = "";
    /// <summary>Show the code (false: <c>hide</c>, <c>#| echo: false</c>).</summary>
    public bool Echo { get; init; } = true;
    /// <summary>Show what the cell printed and drew (false: <c>#| output: false</c>, <c>disable</c>).</summary>
    public bool ShowOutput { get; init; } = true;
    /// <summary>Run the cell at all (false: bookish's <c>disable</c>; the code is still shown).</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>An expression whose value is shown after the cell (bookish's <c>output="df"</c>): a DataFrame becomes a table.</summary>
    public string? OutputExpression { get; init; }
    /// <summary>Show the value of the cell's last expression, as Quarto and Jupyter do (Markdown cells).</summary>
    public bool ShowLastValue { get; init; }
    /// <summary>A figure cell: the figures it draws are numbered figures with this caption and label.</summary>
    public bool IsFigure { get; init; }
    public ImmutableArray<Inline> Caption { get; init; } = [];
    public string? FigureLabel { get; init; }
    /// <summary>Width of the figure as a fraction of the column (0: full).</summary>
    public double WidthFraction { get; init; }
    /// <summary>A side (margin) figure (bookish's <c>side</c>).</summary>
    public bool Side { get; init; }
    /// <summary>Figure size in inches (<c>#| fig-width</c>, <c>#| fig-height</c>); null: matplotlib's.</summary>
    public (double Width, double Height)? FigureSize { get; init; }
    /// <summary>1-based code lines marked with bookish's <c>!</c> (highlighted when shown).</summary>
    public ImmutableArray<int> Highlight { get; init; } = [];
    /// <summary>The legacy dialect's cell: <c>output="expr"</c> values as bookish shows them (repr; the expression ends the code shown).</summary>
    public bool BookishValues { get; init; }
}

/// <summary>An inline Python value (legacy <c>&lt;py&gt;expr&lt;/py&gt;</c>, Markdown <c>`{python} expr`</c>).</summary>
internal sealed record PythonInline(string Expression, SourceSpan Span) : Inline(Span)
{
    public string Group { get; init; } = "";
    /// <summary>The legacy dialect's <c>&lt;py&gt;</c>: the value in bookish's format (floats with four decimals, else repr).</summary>
    public bool BookishValues { get; init; }
}

/// <summary>A picture a program made (a Python figure): SVG for the page, PDF for LaTeX.</summary>
internal sealed record GeneratedImage(string Svg, byte[] Pdf);
