using System.Text.RegularExpressions;

namespace Bookish.Importing.Kramdown;

/// <summary>
/// One chunk of text (consecutive non-blank lines): a bare environment or a <c>$$</c> display block stays as it is;
/// an image with a caption line becomes a figure; anything else has its inline math and text rewritten.
/// </summary>
internal static partial class ChunkConverter
{
    [GeneratedRegex(@"^\s*(?:<(?:p|center|div)\b[^>]*>\s*)?(?<img><img\b[^>]*>|!\[(?<alt>[^\]]*)\]\((?<src>[^)\s]+)(?:\s+""[^""]*"")?\)(?:\{:?(?<ial>[^}]*)\})?)\s*(?:</(?:p|center|div)>\s*)?(?:\n(?<cap>[\s\S]+))?$")]
    private static partial Regex ImageThenCaption();
    [GeneratedRegex(@"^\s*<figure\b[^>]*>\s*(?<img><img\b[^>]*>)\s*(?:<figcaption\b[^>]*>(?<cap>[\s\S]*?)</figcaption>)?\s*</figure>\s*$")]
    private static partial Regex FigureElement();
    [GeneratedRegex(@"(?<name>[\w-]+)\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))")] private static partial Regex HtmlAttribute();
    [GeneratedRegex(@"^\s*(?:\*(?!\*)(?<c>.+)\*|_(?<c>.+)_|<(?<t>em|i|small|center|figcaption|p|div|span)\b[^>]*>\s*(?:<(?:em|i|small)>)?(?<c>.+?)(?:</(?:em|i|small)>)?\s*</\k<t>>)\s*$", RegexOptions.Singleline)]
    private static partial Regex CaptionLine();
    [GeneratedRegex(@"^\s*(?:Figure|Fig\.?)\s*\d+\s*[:.]\s*", RegexOptions.IgnoreCase)] private static partial Regex FigurePrefix();

    public static (BlockKind Kind, string Text) Convert(string text, int firstLine, KramdownImporter.ImportContext context)
    {
        if (MathSegments.IsEnvironment(text)) return (BlockKind.Math, text);
        if (MathSegments.IsDisplay(text)) return (BlockKind.Math, text);
        if (Figure(text, firstLine, context) is { } figure) return (BlockKind.Figure, figure);
        return (BlockKind.Paragraph, MathSegments.Rewrite(text, firstLine, context));
    }

    /// <summary><c>&lt;img&gt;</c>, <c>![…](…)</c> or <c>&lt;figure&gt;</c> alone, with an optional caption line, as <c>![caption](src){attrs}</c>.</summary>
    private static string? Figure(string text, int firstLine, KramdownImporter.ImportContext context)
    {
        // The image line holds no math: its Liquid and site paths are rewritten before it is matched.
        var newline = text.IndexOf('\n');
        var head = newline < 0 ? text : text[..newline];
        if (!head.Contains("<img", StringComparison.OrdinalIgnoreCase) && !head.Contains("![", StringComparison.Ordinal) && !head.Contains("<figure", StringComparison.OrdinalIgnoreCase)) return null;
        if (head.Contains("$$", StringComparison.Ordinal)) return null;
        var probe = new KramdownImporter.ImportContext(context.Path);
        text = TextRewriter.Text(head, firstLine, probe) + (newline < 0 ? "" : text[newline..]);
        string img, caption;
        string? src = null, alt = null, ial = null;
        if (FigureElement().Match(text) is { Success: true } fig)
        {
            img = fig.Groups["img"].Value;
            caption = fig.Groups["cap"].Value.Trim();
        }
        else if (ImageThenCaption().Match(text) is { Success: true } m)
        {
            img = m.Groups["img"].Value;
            caption = "";
            if (m.Groups["cap"].Success)
            {
                if (CaptionLine().Match(m.Groups["cap"].Value.Trim()) is not { Success: true } cap) return null;
                caption = cap.Groups["c"].Value.Trim();
            }
            if (m.Groups["src"].Success) { src = m.Groups["src"].Value; alt = m.Groups["alt"].Value; ial = m.Groups["ial"].Success ? m.Groups["ial"].Value : null; }
        }
        else return null;
        var width = (string?)null;
        if (src is null)
        {
            var attrs = HtmlAttribute().Matches(img).ToDictionary(a => a.Groups["name"].Value.ToLowerInvariant(), a => a.Groups["v"].Value);
            if (!attrs.TryGetValue("src", out src)) return null;
            alt = attrs.GetValueOrDefault("alt") ?? attrs.GetValueOrDefault("title") ?? "";
            if (attrs.GetValueOrDefault("width") is { } w && w.EndsWith('%')) width = w;
        }
        context.Diagnostics.AddRange(probe.Diagnostics);
        context.Assets.AddRange(probe.Assets);
        var target = TextRewriter.Text(src, firstLine, context).Trim();
        if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal)) target = TextRewriter.Site(target, context);
        if (caption.Length == 0) caption = alt ?? "";
        caption = FigurePrefix().Replace(caption, "");
        caption = MathSegments.Rewrite(caption.Replace("\n", " "), firstLine, context);
        var extra = ial is null ? IalAttributes.Parse("") : IalAttributes.Parse(ial);
        var kept = extra.ForImage();
        var dropped = extra.Minus(kept);
        if (!dropped.IsEmpty)
            context.Warn(Diagnostics.DiagnosticIds.KramdownAttributeDropped, firstLine, 1, $"image attributes {dropped} have no Bookish equivalent: dropped");
        var list = kept.ToPandoc();
        if (width is not null && !list.Contains("width=", StringComparison.Ordinal)) list = (list + " width=" + width).Trim();
        return $"![{caption}]({target})" + (list.Length > 0 ? "{" + list + "}" : "");
    }
}
