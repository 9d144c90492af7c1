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
        // Almost every picture holds nothing to remove: one streaming pass proves it without building a tree.
        if (HoldsOnlyAllowed(svg)) return svg;
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), Settings);
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

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>
    /// True when the SVG parses and the tree cleaning would change nothing: the root is svg, every element and attribute
    /// is allowed, and there is no comment, processing instruction, CDATA or stray text. False sends it to the tree pass.
    /// </summary>
    internal static bool HoldsOnlyAllowed(string svg)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), Settings);
            var open = new Stack<string>();
            var seenRoot = false;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var name = reader.LocalName;
                        if (reader.NamespaceURI is not (SvgNs or "") || !Elements.Contains(name)) return false;
                        if (open.Count == 0)
                        {
                            if (seenRoot || name != "svg") return false;
                            seenRoot = true;
                        }
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                if (!Allowed(reader.LocalName, reader.NamespaceURI, reader.Value, name)) return false;
                            } while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }
                        if (!reader.IsEmptyElement) open.Push(name);
                        break;
                    case XmlNodeType.EndElement:
                        open.Pop();
                        break;
                    case XmlNodeType.Text:
                        if (open.Count == 0 || open.Peek() is not ("title" or "desc") && !string.IsNullOrWhiteSpace(reader.Value)) return false;
                        break;
                    case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.XmlDeclaration:
                        break;
                    default:
                        return false;
                }
            }
            return seenRoot;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static bool Allowed(XAttribute a) =>
        Allowed(a.Name.LocalName, a.IsNamespaceDeclaration ? XmlnsNs : a.Name.NamespaceName, a.Value, a.Parent?.Name.LocalName);

    private const string XmlnsNs = "http://www.w3.org/2000/xmlns/";

    private static bool Allowed(string name, string ns, string rawValue, string? element)
    {
        if (ns == XmlnsNs) return rawValue is SvgNs or XlinkNs;
        var value = rawValue.Trim();
        if (name == "href" && (ns is XlinkNs or ""))
            return value.StartsWith('#') || (element == "image" && (value.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || value.StartsWith("data:image/jpeg;base64,", StringComparison.Ordinal)));
        if (ns.Length > 0 || !Attributes.Contains(name)) return false;
        // References to other elements only within the picture: url(#id).
        return !value.Contains("url(", StringComparison.OrdinalIgnoreCase) || (value.StartsWith("url(#", StringComparison.Ordinal) && !value.Contains(':'));
    }
}
