namespace Bookish.Plots;

/// <summary>
/// Where a drawing's parts go, in drawing units: the canvas, the margins around the axes' frame, the text size, and
/// the room below the axes for a legend placed outside the frame. Margins scale with the text, so a drawing made for
/// a narrow figure (larger text in drawing units) keeps its labels clear of the frame.
/// </summary>
internal sealed record PlotLayout(float Width, float Height, float Left, float Right, float Top, float Bottom, float FontSize)
{
    /// <summary>The page's drawing: 480 × 300 units with 11-unit text (the page resizes the text itself).</summary>
    public static PlotLayout Page { get; } = new(480, 300, 52, 16, 14, 44, 11);

    /// <summary>Height added below the axes' margin for a legend outside the frame (0: the legend is inside).</summary>
    public float LegendBelow { get; init; }

    /// <summary>Text size relative to the page drawing's (11 units): every text offset and margin is multiplied by it.</summary>
    public float TextScale => FontSize / Page.FontSize;
    public float FrameBottom => Height - LegendBelow - Bottom;
    public float FrameRight => Width - Right;
    public float PlotWidth => FrameRight - Left;
    public float PlotHeight => FrameBottom - Top;

    /// <summary>The page layout with text (and the margins that hold it) <paramref name="scale"/> times larger.</summary>
    public static PlotLayout WithTextScale(float scale) => scale == 1 ? Page
        : Page with { Left = Page.Left * scale, Right = Page.Right * scale, Top = Page.Top * scale, Bottom = Page.Bottom * scale, FontSize = Page.FontSize * scale };

    /// <summary>
    /// The text scale for a PDF figure <paramref name="widthFraction"/> of the line wide: the figure is scaled down by that
    /// fraction, so its text is drawn that much larger and ends at the size of a full-width plot's (at most 3 times, so
    /// a very narrow figure keeps room for its curves; its text stays above ~7 pt on an A4 line).
    /// </summary>
    public static float TextScaleFor(double widthFraction) =>
        widthFraction is > 0 and < 1 ? (float)Math.Min(3, 1 / widthFraction) : 1;
}
