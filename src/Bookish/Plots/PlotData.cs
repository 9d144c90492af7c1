namespace Bookish.Plots;

/// <summary>A plot ready to draw: sampled polylines per function and the axis ranges.</summary>
internal sealed record PlotData(PlotSpec Spec, IReadOnlyList<IReadOnlyList<List<(double X, double Y)>>> Series, double YMin, double YMax)
{
    /// <summary>Where the parts of the drawing go (the page's layout unless a renderer sets another).</summary>
    public PlotLayout Layout { get; init; } = PlotLayout.Page;

    public float PixelX(double x) => Layout.Left + (float)((x - Spec.XMin) / (Spec.XMax - Spec.XMin) * Layout.PlotWidth);
    public float PixelY(double y) => Layout.Top + (float)((YMax - y) / (YMax - YMin) * Layout.PlotHeight);

    /// <summary>Samples every function of <paramref name="spec"/> with the compiled functions given.</summary>
    public static PlotData Create(PlotSpec spec, IReadOnlyList<Func<double, double>> functions)
    {
        // First pass on a coarse grid decides the y range when the spec leaves it open.
        double yMin = spec.YMin ?? double.PositiveInfinity, yMax = spec.YMax ?? double.NegativeInfinity;
        if (spec.YMin is null || spec.YMax is null)
        {
            foreach (var f in functions)
                for (var i = 0; i <= 400; i++)
                {
                    var y = f(spec.XMin + (spec.XMax - spec.XMin) * i / 400);
                    if (!double.IsFinite(y)) continue;
                    if (spec.YMin is null) yMin = Math.Min(yMin, y);
                    if (spec.YMax is null) yMax = Math.Max(yMax, y);
                }
            foreach (var (_, y) in spec.Points)
            {
                if (spec.YMin is null) yMin = Math.Min(yMin, y);
                if (spec.YMax is null) yMax = Math.Max(yMax, y);
            }
            if (!double.IsFinite(yMin) || !double.IsFinite(yMax)) (yMin, yMax) = (-1, 1);
            if (yMax - yMin < 1e-12) (yMin, yMax) = (yMin - 1, yMax + 1);
            var pad = (yMax - yMin) * 0.06;
            if (spec.YMin is null) yMin -= pad;
            if (spec.YMax is null) yMax += pad;
        }
        // Sampled for the page's frame, the largest any layout draws (a layout with larger text has a smaller frame).
        var yPerPixel = (yMax - yMin) / PlotLayout.Page.PlotHeight;
        var xPerPixel = (spec.XMax - spec.XMin) / PlotLayout.Page.PlotWidth;
        var series = functions.Select(f => (IReadOnlyList<List<(double, double)>>)PlotSampler.Sample(f, spec.XMin, spec.XMax, yPerPixel, xPerPixel)).ToList();
        return new PlotData(spec, series, yMin, yMax);
    }
}
