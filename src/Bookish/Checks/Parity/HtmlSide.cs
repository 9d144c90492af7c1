using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Bookish.Checks.Parity;

/// <summary>
/// What the HTML page shows, in reading order: units of prose with math held out as placeholders, then notes in the
/// order they are referenced; headings, equations, figures, tables and external links beside.
/// </summary>
internal sealed partial class HtmlSide
{
    public List<Unit> Units { get; } = [];
    public List<HtmlToken> Body { get; } = [];
    public List<HtmlToken> Notes { get; } = [];
    public List<HtmlMath> Math { get; } = [];
    public List<HtmlHeading> Headings { get; } = [];
    public List<HtmlFloat> Floats { get; } = [];
    public List<HtmlLink> Links { get; } = [];
    public int NoteCount { get; private set; }

    private string _section = "";
    private int _block;
    private readonly List<string> _noteOrder = [];
    private readonly Dictionary<string, List<HtmlToken>> _notes = [];

    private static readonly HashSet<string> BlockTags =
    [
        "P", "DIV", "LI", "UL", "OL", "TD", "TH", "TR", "TABLE", "THEAD", "TBODY", "TFOOT", "CAPTION", "FIGCAPTION", "FIGURE",
        "H1", "H2", "H3", "H4", "H5", "H6", "PRE", "BLOCKQUOTE", "ASIDE", "SECTION", "NAV", "HEADER", "DETAILS", "SUMMARY",
        "ARTICLE", "MAIN", "FOOTER", "DL", "DT", "DD", "HR",
    ];

    /// <summary>
    /// The page without its inline SVG (glyph outlines of rendered equations and plots, most of a page's bytes): none of
    /// it is compared, and parsing it dominates the time. Equations keep their TeX on the element around the SVG.
    /// </summary>
    public static string WithoutSvg(string html) => SvgElement().Replace(html, m => SvgText(m.Value) is { Length: > 0 } t ? $"<span class=\"figure-text\">{System.Net.WebUtility.HtmlEncode(t)}</span>" : "");

    /// <summary>The words an SVG drawing shows (its <c>text</c> elements, in document order): what a plot or diagram says.</summary>
    public static string SvgText(string svg)
    {
        if (!svg.Contains("<text", StringComparison.Ordinal)) return "";
        // A matplotlib figure's rotated labels (its y axis) are not words PDF text extraction reads back from its PDF: left out.
        var python = svg.Contains("data-source=\"python\"", StringComparison.Ordinal);
        var words = SvgTextElement().Matches(svg).Where(m => !(python && Rotated().IsMatch(m.Value))).Select(m => System.Net.WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, " ")).Trim()).Where(t => t.Length > 0);
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"<svg\b.*?</svg>", RegexOptions.Singleline | RegexOptions.IgnoreCase)] private static partial Regex SvgElement();
    [GeneratedRegex(@"<text\b[^>]*>(.*?)</text>", RegexOptions.Singleline)] private static partial Regex SvgTextElement();
    [GeneratedRegex(@"<[^>]*>")] private static partial Regex Tag();
    [GeneratedRegex(@"^<text\b[^>]*\btransform=""[^""]*rotate\(\s*-?(?:[1-9]\d*|0*\.\d*[1-9])")] private static partial Regex Rotated();

    public static HtmlSide Read(IHtmlDocument doc, string? folder = null)
    {
        var side = new HtmlSide { _folder = folder };
        side.ReadPage(doc, 0);
        return side;
    }

    /// <summary>One page: title block, contents (not in a book: the PDF's contents list the whole book), body, notes.</summary>
    private void ReadPage(IHtmlDocument doc, int chapter)
    {
        _noteOrder.Clear();
        _notes.Clear();
        _section = "";
        _block = 0;
        if (doc.QuerySelector("header.title-block") is { } header)
        {
            if (chapter > 0) ChapterTitle(doc, header, chapter);
            else Walk(header, NewBuilder(UnitKind.Title, Body));
        }
        if (!_book && doc.QuerySelector("nav.toc") is { } toc) Walk(toc, NewBuilder(UnitKind.Toc, Body));
        var body = doc.QuerySelector("article.body") ?? doc.QuerySelector("main") ?? (IElement?)doc.Body;
        if (body is not null)
            foreach (var child in body.ChildNodes)
            {
                if (child is IElement e && e.LocalName == "section" && e.ClassList.Contains("footnotes")) continue;
                if (_book && child is IElement r && r.LocalName == "section" && r.ClassList.Contains("references")) { _bookReferences.Add(r); continue; }
                if (child is IElement) _block++;
                var b = NewBuilder(UnitKind.Paragraph, Body);
                Walk(child, b);
                b.Flush();
            }
        ReadFootnotes(doc);
    }

    private Builder NewBuilder(UnitKind kind, List<HtmlToken> stream, string owner = "", IElement? at = null) =>
        new(this, kind, stream, owner, at);

    private ParityLocation Here(IElement? at)
    {
        string? src = null;
        for (var e = at; e is not null; e = e.ParentElement)
            if (e.GetAttribute("data-src") is { Length: > 0 } s) { src = s; break; }
        return new ParityLocation(_section, _block, src);
    }

    private void Walk(INode node, Builder b)
    {
        if (node is IText t) { b.Text(t.Data); return; }
        if (node is not IElement e) return;
        if (Skip(e)) return;
        if (e.ClassList.Contains("math") && e.ClassList.Contains("inline")) { b.AddMath(e.GetAttribute("data-tex") ?? "", false, "", []); return; }
        if (e.ClassList.Contains("math") && e.ClassList.Contains("display")) { DisplayMath(e, b); return; }
        if (e.LocalName == "span" && e.ClassList.Contains("sidenote")) { SideNote(e); return; }
        if (e.LocalName == "sup" && e.ClassList.Contains("footnote-ref"))
        {
            if (e.QuerySelector("a")?.GetAttribute("href") is { Length: > 1 } href) _noteOrder.Add(href[1..]);
            return;
        }
        if (e.LocalName == "a" && e.GetAttribute("href") is { } url && IsExternal(url)) Links.Add(new HtmlLink(url, b.UnitIndexForLink()));
        if (e.LocalName == "br") { b.Text(" "); return; }
        if (e.ClassList.Contains("secnum")) { b.Text(" " + e.TextContent + " "); return; }
        if (e.LocalName == "img") { BrokenImage(e, b); ImageText(e, b); return; }
        if (e.LocalName == "span" && e.ClassList.Contains("figure-text")) { FigureText(e.TextContent, b, e); return; }
        var tag = e.TagName.ToUpperInvariant();
        if (!BlockTags.Contains(tag) || InNotationRow(e))
        {
            if (tag is "TD" or "TH") b.Text(" ");
            foreach (var c in e.ChildNodes) Walk(c, b);
            if (tag is "TD" or "TH") b.Text(" ");
            return;
        }
        // A block: what came before is one unit, the block is another, what follows is a third.
        b.Flush();
        var (kind, owner) = KindOf(e, b.Kind);
        if (e.LocalName is "h2" or "h3" or "h4" or "h5" or "h6" && e.Closest("article.body") is not null) Heading(e);
        var firstUnit = Units.Count;
        var inner = NewBuilder(kind, b.Stream, owner, e);
        if (e.LocalName == "li" && e.ParentElement is { LocalName: "ol" } ol && !ol.ClassList.Contains("references") && ol.Closest(".references, #references, nav.toc, section.footnotes") is null)
            inner.Text(ListLabel(e, ol) + " ");
        foreach (var c in e.ChildNodes) Walk(c, inner);
        inner.Flush();
        if (e.LocalName == "figure" || (e.LocalName == "table" && !e.ClassList.Contains("notation-table"))) Float(e, firstUnit);
    }

    private static bool Skip(IElement e) =>
        e.LocalName is "script" or "style" or "svg" or "input" or "template" or "noscript"
        || e.ClassList.Contains("anchor") || e.ClassList.Contains("footnote-back") || e.ClassList.Contains("note-ref")
        || e.ClassList.Contains("check-result") || e.ClassList.Contains("skip-link") || e.ClassList.Contains("book-nav")
        || e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true";

    private static bool IsExternal(string url) =>
        url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    private static bool InNotationRow(IElement e) =>
        e.LocalName is "td" or "th" && e.Closest("table.notation-table") is not null;

    private (UnitKind, string) KindOf(IElement e, UnitKind outer)
    {
        if (outer is UnitKind.Title or UnitKind.Toc or UnitKind.Note or UnitKind.Reference) return (outer, "");
        if (e.Closest("table.notation-table") is not null)
            return e.LocalName == "caption" ? (UnitKind.Caption, "Notation") : (UnitKind.NotationRow, "Notation");
        if (e.Closest(".references, #references, .bibliography") is not null) return (UnitKind.Reference, "");
        return e.LocalName switch
        {
            "h1" => (UnitKind.Title, ""),
            "h2" or "h3" or "h4" or "h5" or "h6" => (UnitKind.Heading, ""),
            "figcaption" => (UnitKind.Caption, "Figure"),
            "caption" => (UnitKind.Caption, "Table"),
            "td" or "th" => (UnitKind.TableCell, ""),
            "pre" => (UnitKind.Code, ""),
            "li" => (UnitKind.ListItem, ""),
            _ => (outer is UnitKind.Caption or UnitKind.TableCell or UnitKind.ListItem or UnitKind.NotationRow ? outer : UnitKind.Paragraph, ""),
        };
    }

    private void Heading(IElement h)
    {
        var number = h.QuerySelector(".secnum")?.TextContent.Trim() ?? "";
        var text = new StringBuilder();
        foreach (var c in h.ChildNodes)
        {
            if (c is IElement ce && (ce.ClassList.Contains("secnum") || ce.ClassList.Contains("anchor") || ce.ClassList.Contains("sidenote")
                || ce.ClassList.Contains("note-ref") || ce.LocalName is "input" or "sup")) continue;
            text.Append(c is IElement m && m.ClassList.Contains("math") ? " " + m.GetAttribute("data-tex") + " " : c.TextContent);
        }
        var title = string.Join(' ', WordNormalizer.Clean(text.ToString()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        _section = number.Length > 0 ? number + " " + title : title;
        _block = 1;
        Headings.Add(new HtmlHeading(int.Parse(h.LocalName[1..]), number, title, Units.Count));
    }

    private void DisplayMath(IElement e, Builder b)
    {
        b.Flush();
        var numbers = (e.GetAttribute("data-eqno") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
        var id = e.Id ?? "";
        if (id.Length == 0 && e.ParentElement is { } p && p.ClassList.Contains("check")) id = p.Id ?? "";
        var tex = e.QuerySelector("[data-tex]")?.GetAttribute("data-tex") ?? e.TextContent;
        var inner = NewBuilder(UnitKind.Equation, b.Stream, "", e);
        inner.AddMath(tex, true, id, numbers);
        inner.Flush();
    }

    private void SideNote(IElement e)
    {
        var number = e.QuerySelector(".note-num")?.TextContent.Trim() ?? (_notes.Count + 1).ToString();
        var key = "sn-" + number;
        var tokens = new List<HtmlToken>();
        var b = NewBuilder(UnitKind.Note, tokens, "", e);
        foreach (var c in e.ChildNodes)
            if (!(c is IElement ce && ce.ClassList.Contains("note-num"))) Walk(c, b);
        b.Flush();
        _notes[key] = tokens;
        _noteOrder.Add(key);
    }

    private void ReadFootnotes(IDocument doc)
    {
        foreach (var li in doc.QuerySelectorAll("section.footnotes li"))
        {
            var tokens = new List<HtmlToken>();
            var saved = (_section, _block);
            (_section, _block) = ("Footnotes", 0);
            var b = NewBuilder(UnitKind.Note, tokens, "", li);
            foreach (var c in li.ChildNodes) Walk(c, b);
            b.Flush();
            (_section, _block) = saved;
            _notes[li.Id ?? ""] = tokens;
            if (li.Id is { } id && !_noteOrder.Contains(id)) _noteOrder.Add(id);
        }
        foreach (var key in _noteOrder)
            if (_notes.TryGetValue(key, out var tokens)) Notes.AddRange(tokens);
        NoteCount += _notes.Count;
    }

    private void Float(IElement e, int firstUnit)
    {
        var isFigure = e.LocalName == "figure";
        var cap = e.QuerySelector(isFigure ? "figcaption" : "caption");
        if (cap is null) return;
        var label = cap.QuerySelector(isFigure ? ".fig-label" : ".tbl-label")?.TextContent ?? "";
        var number = label.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.TrimEnd(':') ?? "";
        var unit = Units.FindLastIndex(u => u.Kind == UnitKind.Caption);
        Floats.Add(new HtmlFloat(isFigure ? "Figure" : "Table", number, CaptionText(cap), unit) { FirstUnit = firstUnit, EndUnit = Units.Count });
    }

    private static string CaptionText(IElement cap)
    {
        var sb = new StringBuilder();
        foreach (var c in cap.ChildNodes)
        {
            if (c is IElement ce && (ce.ClassList.Contains("fig-label") || ce.ClassList.Contains("tbl-label"))) continue;
            sb.Append(c is IElement m && m.ClassList.Contains("math") ? "$" + m.GetAttribute("data-tex") + "$" : c.TextContent);
        }
        return string.Join(' ', WordNormalizer.Clean(sb.ToString()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
