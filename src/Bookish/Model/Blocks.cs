using System.Collections.Immutable;
using Bookish.Text;

namespace Bookish.Model;

/// <summary>A section heading. <see cref="Number"/> is filled by <see cref="Numbering"/> ("2.1"), empty when unnumbered.</summary>
internal sealed record Heading(int Level, ImmutableArray<Inline> Content, string Id, SourceSpan Span) : Block(Span)
{
    public bool Numbered { get; init; } = true;
    public string Number { get; init; } = "";
    public string? Label { get; init; }
}

internal sealed record Paragraph(ImmutableArray<Inline> Content, SourceSpan Span) : Block(Span);

/// <summary>Display math or a raw LaTeX block. <see cref="Tex"/> is the body without delimiters or environment.</summary>
internal sealed record MathBlock(string Tex, MathEnvironment Environment, SourceSpan Span) : Block(Span)
{
    /// <summary>Labels found in the body (\label{eq:x}), in order.</summary>
    public ImmutableArray<string> Labels { get; init; } = [];
    /// <summary>Equation numbers this block carries, in order (filled by <see cref="Numbering"/>).</summary>
    public ImmutableArray<string> Numbers { get; init; } = [];
    /// <summary>Each number as printed beside its row: "(3)", "(⋆)" for <c>\tag{$\star$}</c>, as written for <c>\tag*</c>.</summary>
    public ImmutableArray<string> NumberLabels { get; init; } = [];
    /// <summary>Anchor id of the block in the HTML and named destination in the PDF.</summary>
    public string Id { get; init; } = "";
}

/// <summary>A code block; <see cref="Attributes"/>: language, line numbers, highlighted lines (read from the info string unless a reader set them).</summary>
internal sealed record CodeBlock(string Info, string Code, SourceSpan Span) : Block(Span)
{
    public Highlighting.CodeAttributes Attributes { get; init; } = Highlighting.CodeAttributes.FromInfo(Info);
}

internal sealed record ListBlock(bool Ordered, int Start, ImmutableArray<ListItem> Items, SourceSpan Span) : Block(Span);

internal sealed record ListItem(ImmutableArray<Block> Blocks, SourceSpan Span) : Node(Span);

internal sealed record BlockQuote(ImmutableArray<Block> Blocks, SourceSpan Span) : Block(Span);

internal enum TableAlign { None, Left, Center, Right }

internal sealed record TableCell(ImmutableArray<Inline> Content, SourceSpan Span) : Node(Span);

internal sealed record TableRow(bool IsHeader, ImmutableArray<TableCell> Cells, SourceSpan Span) : Node(Span);

/// <summary>A table; numbered (and listed) when it has a caption.</summary>
internal sealed record Table(ImmutableArray<TableAlign> Aligns, ImmutableArray<TableRow> Rows, SourceSpan Span) : Block(Span)
{
    public ImmutableArray<Inline> Caption { get; init; } = [];
    public string? Label { get; init; }
    public string Number { get; init; } = "";
    public string Id { get; init; } = "";
}

/// <summary>A figure: an image (or a plot) with a numbered caption.</summary>
internal sealed record Figure(string Source, string Alt, ImmutableArray<Inline> Caption, SourceSpan Span) : Block(Span)
{
    public string? Label { get; init; }
    public string Number { get; init; } = "";
    public string Id { get; init; } = "";
    /// <summary>Width as a fraction of the column (0 = natural size).</summary>
    public double WidthFraction { get; init; }
    /// <summary>A plot definition when the figure is drawn by Bookish rather than read from a file.</summary>
    public string? PlotSource { get; init; }
    /// <summary>A picture made by a program (a Python cell's figure) rather than read from a file.</summary>
    public GeneratedImage? Generated { get; init; }
    /// <summary>A side (margin) figure.</summary>
    public bool Side { get; init; }
    /// <summary>Sub-images ((a), (b), …), each a figure with its own caption, shown in a grid of <see cref="Columns"/> columns.</summary>
    public ImmutableArray<Figure> Parts { get; init; } = [];
    public int Columns { get; init; }
    /// <summary>The letter the page and the PDF give the sub-image at <paramref name="index"/>: (a), (b), …</summary>
    public static string SubLabel(int index) => $"({(char)('a' + index % 26)})";
}

internal sealed record ThematicBreak(SourceSpan Span) : Block(Span);

/// <summary>Raw output for one format ("html" or "latex"); the other writer omits it.</summary>
internal sealed record RawBlock(string Format, string Text, SourceSpan Span) : Block(Span);

/// <summary>An aside or callout box (kind: note, tip, warning, aside).</summary>
internal sealed record Aside(string Kind, ImmutableArray<Inline> Title, ImmutableArray<Block> Blocks, SourceSpan Span) : Block(Span)
{
    /// <summary>Quarto's <c>collapse="true"</c> (folded) or <c>"false"</c> (open, foldable); null: not foldable.</summary>
    public bool? Collapse { get; init; }
}

/// <summary>Where the notation table is placed.</summary>
internal sealed record NotationTablePlaceholder(SourceSpan Span) : Block(Span);

/// <summary>A derivative claim block (fenced <c>check</c>); <see cref="Display"/> is the TeX shown as a display equation.</summary>
internal sealed record CheckBlock(string Source, string Display, SourceSpan Span) : Block(Span)
{
    public string Id { get; init; } = "";
}
