using System.Text;
using System.Xml;

namespace Bookish.MathML;

/// <summary>
/// Presentation MathML as the page may carry it: parsed as XML and written again with only MathML's presentation
/// elements and their layout attributes (no links, no scripts, no foreign markup, no event attributes). KaTeX's
/// <c>&lt;semantics&gt;</c> wrapper and its TeX annotation are dropped: the reader gets the structure, the TeX stays in
/// <c>data-tex</c>. Used on KaTeX's output and again on every cache entry (the cache is a file anyone could edit).
/// </summary>
internal static class MathMLSanitizer
{
    internal const string Ns = "http://www.w3.org/1998/Math/MathML";

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "math", "mrow", "mi", "mn", "mo", "mtext", "ms", "mspace", "msub", "msup", "msubsup", "munder", "mover", "munderover",
        "mfrac", "msqrt", "mroot", "mstyle", "merror", "mpadded", "mphantom", "mfenced", "menclose", "mtable", "mtr", "mtd",
        "mlabeledtr", "mmultiscripts", "mprescripts", "none",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "display", "mathvariant", "mathsize", "mathcolor", "mathbackground", "displaystyle", "scriptlevel", "fence", "stretchy",
        "separator", "lspace", "rspace", "minsize", "maxsize", "symmetric", "largeop", "movablelimits", "accent", "accentunder",
        "form", "width", "height", "depth", "voffset", "linethickness", "notation", "columnalign", "rowalign", "columnspacing",
        "rowspacing", "columnlines", "rowlines", "frame", "framespacing", "equalrows", "equalcolumns", "side", "align",
        "linebreak", "open", "close", "separators", "numalign", "denomalign", "bevelled", "columnspan", "rowspan",
    };

    /// <summary>The first <c>&lt;math&gt;</c> element of <paramref name="markup"/>, cleaned, or null when there is none or it is not well-formed.</summary>
    public static string? Clean(string markup)
    {
        var start = markup.IndexOf("<math", StringComparison.Ordinal);
        var end = markup.LastIndexOf("</math>", StringComparison.Ordinal);
        if (start < 0 || end < start) return null;
        var xml = markup[start..(end + "</math>".Length)];
        var sb = new StringBuilder(xml.Length);
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true });
            using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
            {
                var skipDepth = -1;
                var wroteRoot = false;
                while (reader.Read())
                {
                    if (skipDepth >= 0)
                    {
                        if (reader.Depth == skipDepth && reader.NodeType == XmlNodeType.EndElement) skipDepth = -1;
                        continue;
                    }
                    switch (reader.NodeType)
                    {
                        case XmlNodeType.Element:
                            if (reader.NamespaceURI != Ns) return null;
                            if (reader.LocalName == "semantics") break; // unwrapped: its presentation child stays
                            if (reader.LocalName is "annotation" or "annotation-xml" || !Elements.Contains(reader.LocalName))
                            {
                                if (!reader.IsEmptyElement) skipDepth = reader.Depth;
                                break;
                            }
                            if (reader.LocalName == "math") { if (wroteRoot) return null; wroteRoot = true; }
                            var empty = reader.IsEmptyElement;
                            writer.WriteStartElement(reader.LocalName, Ns);
                            if (reader.MoveToFirstAttribute())
                            {
                                do
                                {
                                    if (reader.NamespaceURI.Length == 0 && Attributes.Contains(reader.LocalName) && SafeValue(reader.Value))
                                        writer.WriteAttributeString(reader.LocalName, reader.Value);
                                } while (reader.MoveToNextAttribute());
                                reader.MoveToElement();
                            }
                            if (empty) writer.WriteEndElement();
                            break;
                        case XmlNodeType.EndElement:
                            if (reader.LocalName == "semantics") break;
                            writer.WriteEndElement();
                            break;
                        case XmlNodeType.Text:
                        case XmlNodeType.SignificantWhitespace:
                        case XmlNodeType.CDATA:
                            writer.WriteString(reader.Value);
                            break;
                    }
                }
            }
            return sb.Length > 0 ? sb.ToString() : null;
        }
        catch (XmlException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool SafeValue(string v) =>
        v.Length < 200 && !v.Contains(':') && !v.Contains('(') && !v.Contains('<');
}
