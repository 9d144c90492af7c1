using SkiaSharp;

namespace Bookish.Plots;

/// <summary>One piece of a plot's text: where it is anchored in the drawing, how it aligns there, and what it labels.</summary>
internal sealed record PlotText(string Value, float X, float Y, SKTextAlign Align, bool Rotated, string Role)
{
    /// <summary>For a legend entry: the index of its series' colour.</summary>
    public int Series { get; init; } = -1;
    /// <summary>For a legend entry: the legend is below the axes (outside the frame).</summary>
    public bool Below { get; init; }
}
