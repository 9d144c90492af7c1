namespace Bookish.Plots;

/// <summary>
/// Samples a function adaptively: intervals whose midpoint leaves the chord by more than a fraction of a pixel are
/// split, down to a tiny width, so kinks are drawn exactly; an interval that still jumps at that width is a
/// discontinuity, and the polyline is broken there instead of drawing a segment across the jump.
/// </summary>
internal static class PlotSampler
{
    /// <summary>At most this many samples per curve: far more than any drawing needs; a curve that wants more is stopped.</summary>
    public const int MaxSamples = 20_000;

    /// <summary>Set when a <see cref="Sample"/> on this thread stopped refining at <see cref="MaxSamples"/> (callers reset it).</summary>
    [ThreadStatic] public static bool Stopped;

    /// <summary>Polylines (each a list of points in data coordinates), broken at jumps and at undefined values.</summary>
    public static List<List<(double X, double Y)>> Sample(Func<double, double> f, double xMin, double xMax, double yScalePerPixel, double xScalePerPixel, int initial = 256)
    {
        var tolerance = 0.05 * yScalePerPixel;            // 1/20 pixel
        var minWidth = (xMax - xMin) * 1e-9;
        var jump = 2 * yScalePerPixel;                    // > 2 px apart at a vanishing width: a jump
        var lines = new List<List<(double, double)>>();
        var current = new List<(double, double)>();

        void Flush()
        {
            if (current.Count >= 1) lines.Add(current);
            current = [];
        }

        void Add(double x, double y)
        {
            if (!double.IsFinite(y)) { Flush(); return; }
            current.Add((x, y));
        }

        var samples = 0;
        void Refine(double a, double fa, double b, double fb, int depth)
        {
            if (++samples > MaxSamples) { Stopped = true; return; }
            var m = (a + b) / 2;
            var fm = f(m);
            var finite = double.IsFinite(fa) && double.IsFinite(fb) && double.IsFinite(fm);
            if (b - a <= minWidth || depth > 60)
            {
                if (finite && Math.Abs(fb - fa) > jump) { Add(a, fa); Flush(); }
                return;
            }
            if (finite && Math.Abs(fm - (fa + fb) / 2) <= tolerance && Math.Abs(fb - fa) <= jump * 50 && b - a <= 4 * xScalePerPixel)
            {
                // Straight enough: check quarter points once more to avoid missing a kink hidden by symmetry.
                var q1 = f((a + m) / 2);
                var q3 = f((m + b) / 2);
                if (Math.Abs(q1 - (fa + fm) / 2) <= tolerance && Math.Abs(q3 - (fm + fb) / 2) <= tolerance) return;
            }
            if (!finite && !double.IsFinite(fa) && !double.IsFinite(fb) && !double.IsFinite(fm) && b - a < (xMax - xMin) / initial / 8) return;
            Refine(a, fa, m, fm, depth + 1);
            Add(m, fm);
            Refine(m, fm, b, fb, depth + 1);
        }

        var step = (xMax - xMin) / initial;
        var x0 = xMin;
        var y0 = f(x0);
        Add(x0, y0);
        for (var i = 1; i <= initial; i++)
        {
            var x1 = i == initial ? xMax : xMin + i * step;
            var y1 = f(x1);
            Refine(x0, y0, x1, y1, 0);
            Add(x1, y1);
            x0 = x1;
            y0 = y1;
        }
        Flush();
        return SplitSteepRamps(lines.Where(l => l.Count > 0).ToList(), xScalePerPixel, jump);
    }

    /// <summary>
    /// A rise of more than the jump threshold within half a pixel is a jump at this scale (e.g. a numerically
    /// differentiated kink): the line is broken there, and the few points inside the ramp are dropped.
    /// </summary>
    private static List<List<(double X, double Y)>> SplitSteepRamps(List<List<(double X, double Y)>> lines, double xScalePerPixel, double jump)
    {
        var result = new List<List<(double X, double Y)>>();
        foreach (var line in lines)
        {
            var pieces = new List<List<(double X, double Y)>>();
            var current = new List<(double X, double Y)>();
            for (var i = 0; i < line.Count; i++)
            {
                if (current.Count > 0 && line[i].X - current[^1].X < xScalePerPixel / 2 && Math.Abs(line[i].Y - current[^1].Y) > jump)
                {
                    pieces.Add(current);
                    current = [];
                }
                current.Add(line[i]);
            }
            pieces.Add(current);
            if (pieces.Count == 1) { result.Add(line); continue; }
            // Slivers narrower than half a pixel are the inside of the ramp (overshoot of a numeric derivative).
            result.AddRange(pieces.Where(p => p.Count > 1 && p[^1].X - p[0].X >= xScalePerPixel / 2));
        }
        return result;
    }
}
