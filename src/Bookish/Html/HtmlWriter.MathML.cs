using System.Globalization;
using AngleSharp.Dom;

namespace Bookish.Html;

/// <summary>
/// What a screen reader gets for an equation. With MathML (KaTeX's, see <c>Bookish.MathML</c>): the MathML, visually
/// hidden, before the SVG (which is <c>aria-hidden</c>), as KaTeX and MathJax pages do; its <c>alttext</c> is the spoken
/// form, for readers that do not read MathML. Without (KaTeX rejected the TeX, or a raw LaTeX block): the element is an
/// image named by the spoken form.
/// </summary>
internal sealed partial class HtmlWriter
{
    private void Speakable(IElement holder, string key, string spoken)
    {
        if (_context.MathML.TryGetValue(key, out var mathml) && mathml.StartsWith("<math", StringComparison.Ordinal))
        {
            if (!_mathmlIndex.TryGetValue(key, out var index))
            {
                // Spliced in at serialization like the SVG (the markup is already clean XML): the spoken form as alttext.
                var markup = "<span class=\"math-ml\"><math alttext=\"" + System.Net.WebUtility.HtmlEncode(spoken) + "\"" + mathml[5..] + "</span>";
                index = _svgMarkup.Count;
                _svgMarkup.Add(markup);
                _mathmlIndex[key] = index;
            }
            var placeholder = _html.CreateElement("bookish-svg");
            placeholder.SetAttribute("data-i", index.ToString(CultureInfo.InvariantCulture));
            holder.AppendChild(placeholder);
            return;
        }
        holder.SetAttribute("role", "img");
        holder.SetAttribute("aria-label", spoken);
    }

    private readonly Dictionary<string, int> _mathmlIndex = [];
}
