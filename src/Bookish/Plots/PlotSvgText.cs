using System.Globalization;
using System.Net;
using System.Text;
using SkiaSharp;

namespace Bookish.Plots;

/// <summary>
/// A plot's text as real SVG text for the page: one anchor point per label (no per-glyph positions, so the browser
/// spaces the letters with the page's own font), offsets in em so labels keep clear of the frame at any size, and a
/// <c>data-role</c> that lets the page size the text relative to the page (page.js) rather than with the drawing.
/// </summary>
internal static class PlotSvgText
{
    private static string N(float v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Markup(IReadOnlyList<PlotText> texts, PlotLayout layout)
    {
        var frameBottom = layout.FrameBottom;
        var k = layout.TextScale;
        var sb = new StringBuilder($"<g class=\"plot-text\" font-size=\"{N(layout.FontSize)}\" style=\"fill:currentColor\">");
        var legendLine = 0;
        foreach (var t in texts)
        {
            if (t.Value.Length == 0) continue;
            var anchor = t.Align switch { SKTextAlign.Center => "middle", SKTextAlign.Right => "end", _ => "start" };
            var text = WebUtility.HtmlEncode(t.Value);
            switch (t.Role)
            {
                case "xtick":
                    // Hung below the tick mark: the top of the label stays clear of the frame whatever its size.
                    sb.Append($"<text data-role=\"xtick\" x=\"{N(t.X)}\" y=\"{N(frameBottom + 5 * k)}\" dy=\"0.95em\" text-anchor=\"{anchor}\">{text}</text>");
                    break;
                case "ytick":
                    sb.Append($"<text data-role=\"ytick\" x=\"{N(t.X)}\" y=\"{N(t.Y - 4 * k)}\" dy=\"0.35em\" text-anchor=\"{anchor}\">{text}</text>");
                    break;
                case "xlabel":
                    sb.Append($"<text data-role=\"xlabel\" x=\"{N(t.X)}\" y=\"{N(frameBottom + 5 * k)}\" dy=\"2.25em\" text-anchor=\"{anchor}\">{text}</text>");
                    break;
                case "ylabel":
                    sb.Append($"<text data-role=\"ylabel\" x=\"{N(t.X)}\" y=\"{N(t.Y)}\" transform=\"rotate(-90 {N(t.X)} {N(t.Y)})\" text-anchor=\"{anchor}\">{text}</text>");
                    break;
                case "legend":
                {
                    // Each entry is placed in em from the legend's corner, its swatch a line in em too: swatch and text
                    // keep together at whatever size the page gives the text. The swatch is no text (the words stay the PDF's).
                    var colour = $"var(--plot-{t.Series % PlotPainter.Palette.Length + 1})";
                    // Inside the frame: from the legend box's corner. Below the axes: under the x label, in em from the
                    // frame's bottom like the tick and axis labels, so it stays clear of them at any text size.
                    var top = t.Below ? frameBottom + k : t.Y - (14 + 15 * legendLine) * k;
                    var baseline = (t.Below ? 3.75 : 1) + 1.3 * legendLine;
                    var right = anchor == "end";
                    string Em(double v) => v.ToString("0.##", CultureInfo.InvariantCulture) + "em";
                    sb.Append($"<g transform=\"translate({N(t.X)} {N(top + 4 * k)})\">");
                    sb.Append($"<line x1=\"{(right ? "-1.5em" : "0")}\" x2=\"{(right ? "0" : "1.5em")}\" y1=\"{Em(baseline - 0.32)}\" y2=\"{Em(baseline - 0.32)}\" style=\"stroke:{colour}\" stroke-width=\"2\"/>");
                    sb.Append($"<text data-role=\"legend\" x=\"{(right ? "-1.9em" : "1.9em")}\" y=\"{Em(baseline)}\" text-anchor=\"{anchor}\">{text}</text></g>");
                    legendLine++;
                    break;
                }
                default:
                    sb.Append($"<text x=\"{N(t.X)}\" y=\"{N(t.Y)}\" text-anchor=\"{anchor}\">{text}</text>");
                    break;
            }
        }
        return sb.Append("</g>").ToString();
    }
}
