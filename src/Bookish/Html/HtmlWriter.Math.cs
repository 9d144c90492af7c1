using System.Globalization;
using AngleSharp.Dom;
using Bookish.Equations;
using Bookish.Model;
using Document = Bookish.Model.Document;
using Node = Bookish.Model.Node;

namespace Bookish.Html;

internal sealed partial class HtmlWriter
{
    private static string Em(double v) => v.ToString("0.####", CultureInfo.InvariantCulture) + "em";

    private (string Key, RenderedMath? Math) Find(string tex, MathMode mode)
    {
        var key = MathFragment.KeyOf(tex, mode, _context.MathSettings);
        return (key, _context.Math.GetValueOrDefault(key));
    }

    /// <summary>The SVG element sized in em from TeX's box, lowered by its depth so the TeX baseline sits on the text's.</summary>
    private IElement? Svg(string key, RenderedMath r, bool inline)
    {
        var style = $"width:{Em(r.WidthEm)};height:{Em(r.TotalHeightEm)}";
        if (inline) style += $";vertical-align:{Em(-r.DepthEm)}";
        if (_context.MathImages.TryGetValue(key, out var png))
        {
            // Raster fallback: the same box as the SVG, so layout and baseline do not change.
            var img = El("img", "math-png");
            img.SetAttribute("src", png);
            img.SetAttribute("alt", "");
            img.SetAttribute("style", style);
            return img;
        }
        // The SVG markup is TeX's, already cleaned: it is spliced in when the page is serialized instead of being parsed
        // into the DOM (parsing ~700 equations dominated the HTML stage of the matrix calculus paper).
        var cacheKey = key + (inline ? "|i" : "|d");
        if (!_svgIndex.TryGetValue(cacheKey, out var index))
        {
            var markup = SvgRoot().Replace(_glyphs.Share(r), m =>
            {
                var attributes = SizeAttribute().Replace(m.Groups[1].Value, "");
                return $"<svg{attributes} aria-hidden=\"true\" focusable=\"false\" style=\"{style}\">";
            }, 1);
            if (!markup.StartsWith("<svg", StringComparison.Ordinal)) return null;
            index = _svgMarkup.Count;
            _svgMarkup.Add(markup);
            _svgIndex[cacheKey] = index;
        }
        var placeholder = _html.CreateElement("bookish-svg");
        placeholder.SetAttribute("data-i", index.ToString(CultureInfo.InvariantCulture));
        return placeholder;
    }

    private readonly List<string> _svgMarkup = [];
    private readonly Dictionary<string, int> _svgIndex = [];

    [System.Text.RegularExpressions.GeneratedRegex(@"<svg\b([^>]*)>")] private static partial System.Text.RegularExpressions.Regex SvgRoot();
    [System.Text.RegularExpressions.GeneratedRegex(@"\s(width|height)=""[^""]*""")] private static partial System.Text.RegularExpressions.Regex SizeAttribute();

    /// <summary>
    /// The serialized page with its placeholders replaced by the equations' SVG markup, after <paramref name="prefix"/>:
    /// one pass of ordinal searches into a buffer sized up front (the paper's page is 1.6 MB with ~700 equations).
    /// </summary>
    private string SpliceSvg(string prefix, string html, string suffix)
    {
        const string open = "<bookish-svg data-i=\"", close = "\"></bookish-svg>";
        var sb = new System.Text.StringBuilder(prefix.Length + html.Length + suffix.Length + _svgMarkup.Sum(m => m.Length));
        sb.Append(prefix);
        var at = 0;
        while (_svgMarkup.Count > 0)
        {
            var start = html.IndexOf(open, at, StringComparison.Ordinal);
            if (start < 0) break;
            var digits = start + open.Length;
            var end = html.IndexOf(close, digits, StringComparison.Ordinal);
            if (end < 0 || !int.TryParse(html.AsSpan(digits, end - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= _svgMarkup.Count)
            {
                sb.Append(html, at, digits - at);
                at = digits;
                continue;
            }
            sb.Append(html, at, start - at).Append(_svgMarkup[index]);
            at = end + close.Length;
        }
        sb.Append(html, at, html.Length - at).Append(suffix);
        return sb.ToString();
    }

    /// <summary>The TeX a screen reader reads out: the source without <c>\label{…}</c> commands (they are not content).</summary>
    private static string SpokenTex(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\\label\s*\{[^{}]*\}", "").Trim();

    private IElement InlineMath(MathInline m)
    {
        var span = El("span", "math inline");
        if (_context.InlineAnchors.TryGetValue((m.Span.Line, m.Span.Column), out var anchor)) span.Id = anchor;
        span.SetAttribute("data-tex", m.Tex);
        var (key, rendered) = Find(m.Tex, MathMode.Inline);
        if (rendered is null || Svg(key, rendered, true) is not { } svg)
        {
            span.ClassList.Add("error");
            span.SetAttribute("title", "This equation could not be rendered; see the build diagnostics.");
            span.TextContent = "$" + m.Tex + "$";
            return span;
        }
        Speakable(span, key, Spoken(m.Tex));
        span.AppendChild(svg);
        return span;
    }

    private IElement DisplayMath(MathBlock m)
    {
        var element = DisplayMathElement(MathTex.ForBlock(m), m.Tex, m.Numbers, m.Id, m.Environment == MathEnvironment.RawLatex, RowIds(m), m.NumberLabels);
        AddAliases(element, m);
        return element;
    }

    private IElement DisplayMathElement((string Tex, MathMode Mode) fragment, string source, IEnumerable<string> numbers, string id, bool raw, IReadOnlyList<string>? rowIds = null, IReadOnlyList<string>? printed = null)
    {
        var div = El("div", raw ? "math display raw" : "math display");
        if (id.Length > 0) div.Id = id;
        // A display with lines of text is typeset at the measure: on a narrow screen it is scaled to fit (page CSS).
        if (!raw && MathTex.HasIntertext(source)) div.ClassList.Add("textlines");
        var numberList = numbers.ToList();
        // Each number as printed: "(3)", "(⋆)" for \tag{$\star$}, as written for \tag*.
        var labels = printed is not null && printed.Count == numberList.Count ? printed.ToList() : numberList.Select(n => $"({n})").ToList();
        if (numberList.Count > 0) div.SetAttribute("data-eqno", string.Join(",", numberList));
        var scroll = El("div", "math-scroll");
        var holder = El("span", "math-image");
        holder.SetAttribute("data-tex", source.Trim());
        var (key, rendered) = Find(fragment.Tex, fragment.Mode);
        var baselines = new List<double>();
        if (rendered is not null && numberList.Count > 0) (rendered, baselines) = TakeRowMarkers(rendered);
        if (rendered is null || Svg(key, rendered, false) is not { } svg)
        {
            div.ClassList.Add("error");
            holder.TextContent = source;
            holder.SetAttribute("title", "This equation could not be rendered; see the build diagnostics.");
        }
        else
        {
            Speakable(holder, key, raw ? SpokenTex(source) : Spoken(SpokenTex(source)));
            holder.AppendChild(svg);
        }
        scroll.AppendChild(holder);
        div.AppendChild(scroll);
        if (numberList.Count > 0 && rendered is not null && baselines.Count == numberList.Count && !div.ClassList.Contains("error"))
        {
            div.ClassList.Add("rows");
            div.AppendChild(RowNumbers(labels, baselines, rendered, id, rowIds));
        }
        else if (numberList.Count > 0)
        {
            // One label per numbered row, spread over the height of the equation like LaTeX's.
            var eqno = El("span", "eqno");
            for (var i = 0; i < numberList.Count; i++)
            {
                var number = eqno.AppendChild(El("span", null, labels[i]));
                if (rowIds is not null && i < rowIds.Count && rowIds[i].Length > 0 && rowIds[i] != id) ((IElement)number).Id = rowIds[i];
            }
            div.AppendChild(eqno);
        }
        return div;
    }

    private IElement CheckBlockElement(CheckBlock c)
    {
        var wrap = El("div", "check");
        wrap.Id = c.Id;
        wrap.SetAttribute("data-check", c.Source);
        wrap.AppendChild(DisplayMathElement((c.Display, MathMode.Display), c.Display, [], "", false));
        if (_context.Badges.TryGetValue(c.Id, out var badge))
        {
            wrap.SetAttribute("data-context-declare", badge.ContextDeclare);
            wrap.SetAttribute("data-context-define", badge.ContextDefine);
            if (badge.ContextMacros.Length > 0) wrap.SetAttribute("data-context-macros", badge.ContextMacros);
            wrap.SetAttribute("data-layout", badge.Layout);
            wrap.SetAttribute("data-verdict", badge.Kind);
            var details = El("details", "check-result");
            var summary = El("summary");
            summary.AppendChild(El("span", "check-badge " + badge.Kind, badge.Label));
            details.AppendChild(summary);
            details.AppendChild(El("pre", "check-detail", badge.Detail));
            wrap.AppendChild(details);
        }
        return wrap;
    }
}
