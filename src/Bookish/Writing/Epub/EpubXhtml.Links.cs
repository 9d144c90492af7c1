using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bookish.Diagnostics;

namespace Bookish.Writing.Epub;

internal static partial class EpubXhtml
{
    /// <summary>The image types every EPUB 3 reading system shows (core media types).</summary>
    public static readonly IReadOnlyDictionary<string, string> ImageTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif", [".svg"] = "image/svg+xml",
    };

    private static bool HasScheme(string href) => System.Text.RegularExpressions.Regex.IsMatch(href, "^[A-Za-z][A-Za-z0-9+.-]*:");

    /// <summary>
    /// Links between pages go to their XHTML files; links on the web stay; a link to a local file the book does not
    /// hold keeps its text without the link (a warning), since an EPUB may only link inside itself or to the web.
    /// </summary>
    private static void Links(IHtmlDocument document, EpubPageContext context, DiagnosticBag diagnostics)
    {
        foreach (var a in document.QuerySelectorAll("a[href]").ToList())
        {
            var href = a.GetAttribute("href")!;
            if (href.StartsWith('#') || HasScheme(href)) continue;
            var hash = href.IndexOf('#');
            var (file, fragment) = hash < 0 ? (href, "") : (href[..hash], href[hash..]);
            var page = file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? file[..^".html".Length] : file;
            if (context.PageFiles.TryGetValue(page, out var xhtml))
            {
                a.SetAttribute("href", xhtml + fragment);
                continue;
            }
            if (context.ImageName(file) is { } embedded)
            {
                a.SetAttribute("href", embedded + fragment);
                continue;
            }
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.EpubLinkedFile, SpanOf(a, context),
                $"link to '{href}': the EPUB holds only the book's pages and images, so the link's text is kept without the link"));
            var span = document.CreateElement("span");
            span.ClassName = "unlinked";
            foreach (var child in a.ChildNodes.ToList()) span.AppendChild(child);
            a.Replace(span);
        }
    }

    /// <summary>
    /// Images by their name in the book; an image on the web becomes a link to it (EPUB readers do not fetch images),
    /// an image of a type readers need not show becomes its text, and a missing one (already reported) its text.
    /// </summary>
    private static void Images(IHtmlDocument document, EpubPageContext context, List<string> images, DiagnosticBag diagnostics)
    {
        foreach (var img in document.QuerySelectorAll("img[src]").ToList())
        {
            var src = img.GetAttribute("src")!;
            var alt = img.GetAttribute("alt") ?? "";
            if (src.StartsWith("data:", StringComparison.Ordinal)) continue;
            if (HasScheme(src))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticIds.EpubRemoteImage, SpanOf(img, context),
                    $"image '{src}' is on the web; an EPUB holds its own images, so the book links to it instead"));
                var link = document.CreateElement("a");
                link.SetAttribute("href", src);
                link.TextContent = alt.Length > 0 ? alt : src;
                img.Replace(link);
                continue;
            }
            if (context.ImageName(src) is not { } name)
            {
                img.Replace(AltText(document, alt));
                continue;
            }
            if (!ImageTypes.ContainsKey(Path.GetExtension(name)))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticIds.EpubImageType, SpanOf(img, context),
                    $"image '{src}' is not PNG, JPEG, GIF or SVG, which every EPUB reader shows; the book shows its text instead"));
                img.Replace(AltText(document, alt));
                continue;
            }
            img.SetAttribute("src", name);
            if (!img.HasAttribute("alt")) img.SetAttribute("alt", "");
            images.Add(name);
        }
    }

    private static IElement AltText(IHtmlDocument document, string alt)
    {
        var span = document.CreateElement("span");
        span.ClassName = "missing-image";
        span.TextContent = alt.Length > 0 ? $"[{alt}]" : "[image]";
        return span;
    }
}
