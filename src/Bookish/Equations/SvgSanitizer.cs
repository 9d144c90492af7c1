using System.Xml;
using System.Xml.Linq;

namespace Bookish.Equations;

/// <summary>
/// Equation SVG is never trusted as markup: it is parsed, and only the elements and attributes Bookish's renderers
/// write (paths, glyph uses, groups, rectangles, clip paths, PNG/JPEG images as data URIs) survive. No script, no
/// event attributes, no foreignObject, no external references. Unparsable SVG is refused (null), so a damaged cache
/// entry is rendered again.
/// </summary>
internal static class SvgSanitizer
{
    private const string SvgNs = "http://www.w3.org/2000/svg";
    private const string XlinkNs = "http://www.w3.org/1999/xlink";

    private static readonly HashSet<string> Elements =
    [
        "svg", "g", "path", "use", "defs", "rect", "image", "symbol", "clipPath", "mask", "title", "desc",
        "line", "polyline", "polygon", "circle", "ellipse", "linearGradient", "radialGradient", "stop", "pattern",
    ];

    private static readonly HashSet<string> Attributes =
    [
        "id", "class", "d", "x", "y", "width", "height", "viewBox", "transform", "fill", "stroke", "stroke-width",
        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "fill-rule",
        "clip-rule", "clip-path", "mask", "opacity", "fill-opacity", "stroke-opacity", "preserveAspectRatio", "version",
        "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "points", "gradientUnits", "gradientTransform", "offset",
        "stop-color", "stop-opacity", "patternUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
        "color", "style", "role", "aria-hidden", "aria-label", "focusable", "overflow", "font-size", "vector-effect",
    ];

    /// <summary>The SVG as given when it holds nothing else; cleaned when it does; null when it is not SVG at all.</summary>
    public static string? Clean(string svg)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        if (doc.Root is not { } root || root.Name.LocalName != "svg" || (root.Name.NamespaceName is not (SvgNs or ""))) return null;
        var changed = false;
        foreach (var node in doc.DescendantNodes().ToList())
        {
            switch (node)
            {
                case XElement e when !Elements.Contains(e.Name.LocalName) || e.Name.NamespaceName is not (SvgNs or ""):
                    e.Remove();
                    changed = true;
                    break;
                case XElement e:
                    foreach (var a in e.Attributes().ToList())
                        if (!Allowed(a)) { a.Remove(); changed = true; }
                    break;
                case XComment or XProcessingInstruction or XCData:
                    node.Remove();
                    changed = true;
                    break;
                case XText t when t.Parent is { } p && p.Name.LocalName is not ("title" or "desc") && !string.IsNullOrWhiteSpace(t.Value):
                    t.Remove();
                    changed = true;
                    break;
            }
        }
        return changed ? root.ToString(SaveOptions.DisableFormatting) : svg;
    }

    private static bool Allowed(XAttribute a)
    {
        if (a.IsNamespaceDeclaration) return a.Value is SvgNs or XlinkNs;
        var name = a.Name.LocalName;
        var value = a.Value.Trim();
        if (name == "href" && (a.Name.NamespaceName is XlinkNs or ""))
            return value.StartsWith('#') || (a.Parent?.Name.LocalName == "image" && (value.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || value.StartsWith("data:image/jpeg;base64,", StringComparison.Ordinal)));
        if (a.Name.NamespaceName.Length > 0 || !Attributes.Contains(name)) return false;
        // References to other elements only within the picture: url(#id).
        return !value.Contains("url(", StringComparison.OrdinalIgnoreCase) || (value.StartsWith("url(#", StringComparison.Ordinal) && !value.Contains(':'));
    }
}
