namespace Bookish.Plots;

/// <summary>Where a plot's legend goes (<c>legend:</c> in the plot block).</summary>
internal enum PlotLegend
{
    /// <summary>In the frame's corner that covers no data; below the axes when every corner holds data.</summary>
    Auto,
    /// <summary>Below the axes, outside the frame.</summary>
    Outside,
    /// <summary>In the frame's corner that covers the least data, even when none is free.</summary>
    Inside,
}
