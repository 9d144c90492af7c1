using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bookish.Equations;
using Bookish.Model;

namespace Bookish.Html;

/// <summary>
/// Equation numbers on their rows: a numbered multi-row display's picture carries TeX's own row positions as tiny rules
/// (<see cref="MathTex.RowMarker"/>), one ending on each numbered row's baseline. They are taken out of the picture here,
/// and each number is set as SVG text whose baseline is exactly there, as LaTeX sets it in the PDF.
/// </summary>
internal sealed partial class HtmlWriter
{
    [GeneratedRegex(@"<rect x=""[^""]*"" y=""(?<y>-?[0-9.]+)"" width=""(?<w>[0-9.]+)"" height=""(?<h>[0-9.]+)""\s*/>")] private static partial Regex Rule();
    [GeneratedRegex(@"viewBox=""[-0-9.]+ [-0-9.]+ [0-9.]+ (?<h>[0-9.]+)""")] private static partial Regex ViewBoxHeight();

    /// <summary>The picture without its row markers, and each marked baseline as a fraction of the picture's height from its top.</summary>
    internal static (RenderedMath Math, List<double> Baselines) TakeRowMarkers(RenderedMath math)
    {
        var baselines = new List<double>();
        if (ViewBoxHeight().Match(math.Markup) is not { Success: true } vb || !double.TryParse(vb.Groups["h"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var height) || height <= 0)
            return (math, baselines);
        var markup = Rule().Replace(math.Markup, m =>
        {
            var w = double.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture);
            var h = double.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            if (w > 0.05 || h > 0.05) return m.Value;
            baselines.Add((double.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) + h) / height);
            return "";
        });
        return baselines.Count == 0 ? (math, baselines) : (math with { Markup = markup }, baselines);
    }

    /// <summary>
    /// The anchor id of each numbered row of a display, in number order: the row's own label's id when numbering gave it
    /// one (a labelled row other than the first), else empty (the number links to the display).
    /// </summary>
    private List<string> RowIds(Bookish.Model.MathBlock m)
    {
        var ids = new List<string>();
        if (m.Numbers.Length < 2 || !m.Environment.IsMultiRow()) return ids;
        var rows = Bookish.Model.Numbering.Rows(m.Tex);
        foreach (var i in MathTex.NumberedRows(m))
        {
            var label = i < rows.Count && Bookish.Model.Numbering.LabelPattern().Match(rows[i]) is { Success: true } lm ? lm.Groups[1].Value : null;
            var target = label is null ? null : _page.Labels.Find(label);
            ids.Add(target is not null && target.Page == _page.PageName && target.Id.Length > 0 && target.Id != m.Id ? target.Id : "");
        }
        return ids;
    }

    /// <summary>
    /// The numbers (as printed: "(3)") as one SVG as tall as the equation's picture (1 em of the math = 1000 units), each number's baseline on
    /// its row's, each a link to the equation.
    /// </summary>
    private IElement RowNumbers(IReadOnlyList<string> numbers, IReadOnlyList<double> baselines, RenderedMath math, string id, IReadOnlyList<string>? rowIds = null)
    {
        const double unit = 1000, width = 3.2;
        var eqno = El("span", "eqno rows");
        var h = math.TotalHeightEm * unit;
        var sb = new System.Text.StringBuilder();
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        sb.Append($"<svg class=\"eqno-svg\" viewBox=\"0 0 {N(width * unit)} {N(h)}\" style=\"width:{Em(width)};height:{Em(math.TotalHeightEm)}\" overflow=\"visible\">");
        for (var i = 0; i < numbers.Count; i++)
        {
            var label = System.Net.WebUtility.HtmlEncode(numbers[i]);
            var y = N(baselines[i] * h);
            var text = $"<text x=\"{N(width * unit)}\" y=\"{y}\" text-anchor=\"end\">{label}</text>";
            // A row with a label of its own is that label's anchor, and its number links there; the others link to the display.
            var own = rowIds is not null && i < rowIds.Count && rowIds[i].Length > 0 && rowIds[i] != id ? rowIds[i] : null;
            var target = own ?? id;
            var anchor = own is null ? "" : $" id=\"{System.Net.WebUtility.HtmlEncode(own)}\"";
            sb.Append(target.Length > 0 ? $"<a{anchor} href=\"#{System.Net.WebUtility.HtmlEncode(target)}\" aria-label=\"Equation {label}\">{text}</a>" : text);
        }
        sb.Append("</svg>");
        eqno.InnerHtml = sb.ToString();
        return eqno;
    }
}
