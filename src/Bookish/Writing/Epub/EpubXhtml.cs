using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Xhtml;
using Bookish.Diagnostics;
using Bookish.Text;

namespace Bookish.Writing.Epub;

/// <summary>Where a page of the book sits in the EPUB and how its images and links resolve there.</summary>
internal sealed record EpubPageContext(string SourcePath, IReadOnlyDictionary<string, string> PageFiles)
{
    /// <summary>The name an image has in the EPUB (its file in the output), or null when it is not there.</summary>
    public Func<string, string?> ImageName { get; init; } = _ => null;
}

/// <summary>One page as EPUB XHTML, the images it uses, and what could not be carried over.</summary>
internal sealed record EpubPage(string Xhtml, IReadOnlyList<string> Images, bool HasSvg, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Turns a page the <see cref="Html.HtmlWriter"/> wrote (with the EPUB page template) into EPUB 3 XHTML: the same
/// body, without what needs a script or a wide screen (skip link, heading anchors, chapter links, sidenote toggles),
/// notes as EPUB 3 footnotes, links between pages to the XHTML files, images by their name in the book; serialized by
/// AngleSharp's XHTML formatter with every SVG in its namespace. Pure: the HTML comes in, XHTML goes out.
/// </summary>
internal static partial class EpubXhtml
{
    public const string XhtmlNs = "http://www.w3.org/1999/xhtml", EpubNs = "http://www.idpf.org/2007/ops", SvgNs = "http://www.w3.org/2000/svg", XlinkNs = "http://www.w3.org/1999/xlink";

    public static EpubPage Convert(string html, EpubPageContext context)
    {
        var document = new HtmlParser().ParseDocument(html);
        Toolchain.PerfTrace.Mark("epub page parsed");
        var diagnostics = new DiagnosticBag();
        var images = new List<string>();
        RemoveInteractive(document);
        Notes(document);
        Links(document, context, diagnostics);
        Images(document, context, images, diagnostics);
        Svg(document);
        WideDisplays(document);
        var root = document.DocumentElement;
        root.SetAttribute("xmlns", XhtmlNs);
        root.SetAttribute("xmlns:epub", EpubNs);
        if (root.GetAttribute("lang") is { Length: > 0 } lang) root.SetAttribute("xml:lang", lang);
        var hasSvg = document.QuerySelector("svg") is not null;
        Toolchain.PerfTrace.Mark("epub page transformed");
        var xhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n" + root.ToHtml(XhtmlMarkupFormatter.Instance) + "\n";
        return new EpubPage(xhtml, images.Distinct(StringComparer.Ordinal).ToList(), hasSvg, diagnostics.ToList());
    }

    /// <summary>What only works with a script, a pointer or the web page's layout: gone from the book.</summary>
    private static void RemoveInteractive(IHtmlDocument document)
    {
        foreach (var e in document.QuerySelectorAll("script, a.skip-link, nav.book-nav, nav#book-sidebar, button.book-menu, a.anchor, a.footnote-back, meta[property], meta[name^='twitter:'], meta[name='viewport'], link[rel='canonical']").ToList())
            e.Remove();
        foreach (var e in document.QuerySelectorAll("[decoding], [loading]").ToList())
        {
            e.RemoveAttribute("decoding");
            e.RemoveAttribute("loading");
        }
        // Empty <meta name="description" content="">: nothing to say.
        foreach (var e in document.QuerySelectorAll("meta[name='description']").Where(m => string.IsNullOrWhiteSpace(m.GetAttribute("content"))).ToList()) e.Remove();
    }

    /// <summary>
    /// Every SVG root in the SVG namespace (the XHTML formatter writes only what the DOM holds), links in SVG as
    /// <c>xlink:href</c> (SVG 1.1, which EPUB 3 reading systems implement), and no attributes SVG 1.1 does not know.
    /// </summary>
    private static void Svg(IHtmlDocument document)
    {
        foreach (var svg in document.QuerySelectorAll("svg").ToList())
        {
            var isRoot = svg.ParentElement?.NamespaceUri != SvgNs;
            if (isRoot && !svg.HasAttribute("xmlns")) svg.SetAttribute("xmlns", SvgNs);
            svg.RemoveAttribute("focusable");
            // ARIA in SVG 1.1 content documents: only these roles (the plot's holder already says role="img").
            if (svg.GetAttribute("role") is { } role && role is not ("img" or "document" or "application")) svg.RemoveAttribute("role");
        }
        // A link in SVG (an equation number) says where it goes in words: its title, from its label.
        foreach (var a in document.QuerySelectorAll("svg a").ToList())
        {
            if (a.Children.Any(c => c.LocalName == "title")) continue;
            var title = document.CreateElement(SvgNs, "title");
            title.TextContent = a.GetAttribute("aria-label") ?? a.TextContent.Trim();
            a.InsertBefore(title, a.FirstChild);
        }
    }

    /// <summary>Where a node came from (the <c>data-src</c> of its block, "file.md:12"), as a span in the page's source.</summary>
    private static SourceSpan SpanOf(IElement element, EpubPageContext context)
    {
        var src = element.Closest("[data-src]")?.GetAttribute("data-src");
        var colon = src?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(src![(colon + 1)..], out var line) ? SourceSpan.At(context.SourcePath, line, 1) : SourceSpan.At(context.SourcePath, 0, 0);
    }
}
