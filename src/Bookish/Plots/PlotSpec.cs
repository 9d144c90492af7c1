using System.Collections.Immutable;
using System.Globalization;
using Bookish.Diagnostics;
using Bookish.Text;

namespace Bookish.Plots;

/// <summary>One function of a plot: LaTeX in the derivative checker's subset, and its legend label.</summary>
internal sealed record PlotFunction(string Tex, string Label);

/// <summary>
/// A <c>plot</c> fenced block. Lines are <c>key: value</c>: <c>function: \max(0, x) | ReLU</c> (repeatable), <c>x: -2, 2</c>,
/// <c>y: -0.5, 2</c> (optional), <c>xlabel:</c>, <c>ylabel:</c>, <c>caption:</c>, <c>label: fig:relu</c>, <c>define:</c>
/// (definitions for the functions), <c>points:</c> followed by CSV lines <c>x, y</c> (data points), <c>legend:</c>
/// <c>auto</c> | <c>outside</c> | <c>inside</c>, and <c>width: 50%</c> (the figure's width as a fraction of the column).
/// </summary>
internal sealed record PlotSpec
{
    public ImmutableArray<PlotFunction> Functions { get; init; } = [];
    public double XMin { get; init; } = -1;
    public double XMax { get; init; } = 1;
    public double? YMin { get; init; }
    public double? YMax { get; init; }
    public string XLabel { get; init; } = "x";
    public string YLabel { get; init; } = "";
    public string Caption { get; init; } = "";
    public string? Label { get; init; }
    public string Define { get; init; } = "";
    public ImmutableArray<(double X, double Y)> Points { get; init; } = [];
    public string PointsLabel { get; init; } = "data";
    public PlotLegend Legend { get; init; } = PlotLegend.Auto;
    /// <summary>The figure's width as a fraction of the column (0: the full column).</summary>
    public double Width { get; init; }

    /// <summary>A <c>width:</c> value as a fraction: <c>50%</c> or <c>0.5</c>; 0 when it is neither (or not in (0, 1]).</summary>
    public static double ParseWidth(string value)
    {
        var percent = value.EndsWith('%');
        if (!double.TryParse(value.TrimEnd('%').Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var w)) return 0;
        if (percent) w /= 100;
        return w is > 0 and <= 1 ? w : 0;
    }

    public static PlotSpec Parse(string source, SourceSpan span, List<Diagnostic> diagnostics)
    {
        var spec = new PlotSpec();
        var functions = ImmutableArray.CreateBuilder<PlotFunction>();
        var points = ImmutableArray.CreateBuilder<(double, double)>();
        var inPoints = false;
        var lineNo = 0;
        foreach (var raw in source.Replace("\r", "").Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var at = span with { Line = span.Line + lineNo, Column = 1, EndLine = span.Line + lineNo, EndColumn = raw.Length };
            if (inPoints && !line.Contains(':'))
            {
                var cells = line.Split([',', ';', '\t'], StringSplitOptions.TrimEntries);
                if (cells.Length >= 2 && double.TryParse(cells[0], CultureInfo.InvariantCulture, out var px) && double.TryParse(cells[1], CultureInfo.InvariantCulture, out var py))
                    points.Add((px, py));
                else if (points.Count > 0 || !cells.All(c => c.Length > 0 && char.IsLetter(c[0])))
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.PlotError, at, $"a data point must be two numbers 'x, y', not '{line}'"));
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.PlotError, at, $"expected 'key: value' in a plot block, not '{line}'"));
                continue;
            }
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            inPoints = false;
            switch (key)
            {
                case "function" or "f":
                {
                    var bar = value.LastIndexOf(" | ", StringComparison.Ordinal);
                    functions.Add(bar < 0 ? new PlotFunction(value, value) : new PlotFunction(value[..bar].Trim(), value[(bar + 3)..].Trim()));
                    break;
                }
                case "x" or "y":
                {
                    var parts = value.Trim('[', ']', '(', ')').Split(',', StringSplitOptions.TrimEntries);
                    if (parts.Length != 2 || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var lo) || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var hi) || hi <= lo)
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticIds.PlotError, at, $"'{key}:' needs a range 'low, high' with low < high"));
                        break;
                    }
                    spec = key == "x" ? spec with { XMin = lo, XMax = hi } : spec with { YMin = lo, YMax = hi };
                    break;
                }
                case "xlabel": spec = spec with { XLabel = value }; break;
                case "ylabel": spec = spec with { YLabel = value }; break;
                case "caption": spec = spec with { Caption = value }; break;
                case "label": spec = spec with { Label = value.TrimStart('#') }; break;
                case "define": spec = spec with { Define = spec.Define.Length == 0 ? value : spec.Define + "; " + value }; break;
                case "points":
                    inPoints = true;
                    if (value.Length > 0) spec = spec with { PointsLabel = value };
                    break;
                case "legend":
                    if (Enum.TryParse<PlotLegend>(value, ignoreCase: true, out var legend) && !int.TryParse(value, out _)) spec = spec with { Legend = legend };
                    else diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PlotError, at, $"'legend:' is 'auto', 'outside' or 'inside', not '{value}'"));
                    break;
                case "width":
                {
                    var width = ParseWidth(value);
                    if (width > 0) spec = spec with { Width = width };
                    else diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PlotError, at, $"'width:' is a fraction of the column such as '50%', not '{value}'"));
                    break;
                }
                default:
                    diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PlotError, at, $"unknown plot key '{key}'"));
                    break;
            }
        }
        if (functions.Count == 0 && points.Count == 0)
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.PlotError, span, "a plot needs at least one 'function:' line or 'points:'"));
        return spec with { Functions = functions.ToImmutable(), Points = points.ToImmutable() };
    }
}
