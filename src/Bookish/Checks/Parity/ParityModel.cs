using System.Collections.Immutable;

namespace Bookish.Checks.Parity;

internal enum UnitKind { Title, Toc, Heading, Paragraph, ListItem, TableCell, Caption, Code, NotationRow, Note, Reference, Equation, FigureText }

/// <summary>A run of text the HTML shows as one block (paragraph, list item, cell, caption, note, …), with where it is.</summary>
internal sealed record Unit(int Index, UnitKind Kind, ParityLocation Location)
{
    /// <summary>"Figure", "Table" or "Notation" for captions and rows; empty otherwise.</summary>
    public string Owner { get; init; } = "";
}

/// <summary>One word of the HTML (Math &lt; 0) or a math placeholder (index into <see cref="HtmlSide.Math"/>).</summary>
internal readonly record struct HtmlToken(string Text, string Key, int Unit, int Math = -1)
{
    public bool IsMath => Math >= 0;
}

/// <param name="InNote">Display math inside a note: the PDF typesets it in the footnote without a destination.</param>
internal sealed record HtmlMath(string Tex, bool Display, string Id, ImmutableArray<string> Numbers, int Unit, bool InNote = false);

internal sealed record HtmlHeading(int Level, string Number, string Text, int Unit);

internal sealed record HtmlFloat(string Kind, string Number, string Caption, int Unit)
{
    /// <summary>The units the figure or table holds (its text, cells, sub-captions and caption): [First, End).</summary>
    public int FirstUnit { get; init; } = -1;
    public int EndUnit { get; init; } = -1;
}

internal sealed record HtmlLink(string Url, int Unit);

/// <summary>A word printed in the PDF: page (1-based), position in points from the page's bottom left, font size.</summary>
internal sealed record PdfWord(string Text, string Key, int Page, double X0, double X1, double Y, double Size)
{
    public bool NewLine { get; init; }
    /// <summary>1-based line of the word on its page (lines of body text and notes, counted from the top).</summary>
    public int Line { get; init; }
    /// <summary>Glyphs in math fonts printed just before this word (since the previous word), as extracted: α, ×, ≤, …</summary>
    public string MathBefore { get; init; } = "";
    /// <summary>Math-font glyphs after the last word of a page.</summary>
    public string MathAfter { get; init; } = "";
}

/// <summary>A named destination; <see cref="Placed"/> is false for the page-fitting stand-ins pdfTeX makes for names referenced but never defined.</summary>
internal sealed record PdfDestination(string Name, int Page, double Y, bool Placed);

internal sealed record PdfHeading(int Level, string Number, string Text);
