using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace Bookish.Writing.Epub;

/// <summary>
/// Wide display equations in the book: scaled down to the reader's page as far as <see cref="MinScale"/> of their size,
/// and beyond that scrolled sideways in their own box, as the web page scrolls them (CSS <c>overflow-x</c>, which EPUB 3
/// content may use: it is CSS 2.1). Scaled down without a floor, a long one-line display on a phone was set at 40 % of
/// the text's size and could not be read.
/// </summary>
internal static partial class EpubXhtml
{
    /// <summary>The smallest a display is scaled to before it scrolls instead.</summary>
    internal const double MinScale = 0.7;

    [GeneratedRegex(@"(?:^|;)\s*width:\s*([0-9.]+)em")] private static partial Regex WidthEm();

    private static void WideDisplays(IHtmlDocument document)
    {
        foreach (var svg in document.QuerySelectorAll("div.math.display .math-image > svg").ToList())
        {
            var style = svg.GetAttribute("style") ?? "";
            if (WidthEm().Match(style) is not { Success: true } m || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var width)) continue;
            svg.SetAttribute("style", style.TrimEnd(';') + ";min-width:" + (width * MinScale).ToString("0.###", CultureInfo.InvariantCulture) + "em");
        }
    }
}
