using Bookish.Equations;
using Bookish.Model;
using Document = Bookish.Model.Document;
using Node = Bookish.Model.Node;

namespace Bookish.Html;

/// <summary>A verdict or status shown beside a block (e.g. a derivative check).</summary>
internal sealed record HtmlBadge(string Kind, string Label, string Detail)
{
    /// <summary>Declarations and definitions in force before the block (notation, earlier blocks), for the page's checker.</summary>
    public string ContextDeclare { get; init; } = "";
    public string ContextDefine { get; init; } = "";

    /// <summary>The document's macros as JSON (<c>[{name, body, args}]</c>) for the page's checker, or empty.</summary>
    public string ContextMacros { get; init; } = "";
    public string Layout { get; init; } = "numerator";
}

/// <summary>Everything the HTML writer needs besides the document: rendered math, templates, extras from checks.</summary>
internal sealed record HtmlWriterContext(Publication Publication, IReadOnlyDictionary<string, RenderedMath> Math, MathSettings MathSettings, string TemplateHtml)
{
    public string CssHref { get; init; } = "article.css";
    public IReadOnlyList<string> ExtraCss { get; init; } = [];
    public IReadOnlyList<string> Scripts { get; init; } = [];
    /// <summary>Badges by block id (derivative check verdicts).</summary>
    public IReadOnlyDictionary<string, HtmlBadge> Badges { get; init; } = new Dictionary<string, HtmlBadge>();
    /// <summary>Rows of the notation table: symbol TeX, meaning, kind, shape, search phrase, first-use anchor.</summary>
    public IReadOnlyList<NotationRow> NotationRows { get; init; } = [];
    /// <summary>Image (social card) URL for og:image when front matter names none.</summary>
    public string? SocialImage { get; init; }
    /// <summary>Extra attributes for figure plots: SVG markup by figure id.</summary>
    public IReadOnlyDictionary<string, string> PlotSvgs { get; init; } = new Dictionary<string, string>();
    /// <summary>Ids to give inline math at a source (line, column): first uses linked from the notation table.</summary>
    public IReadOnlyDictionary<(int Line, int Column), string> InlineAnchors { get; init; } = new Dictionary<(int, int), string>();
    /// <summary>Cited references, numbered by first citation (the same list the PDF prints).</summary>
    internal Citations.Bibliography Bibliography { get; init; } = Citations.Bibliography.Empty;
    /// <summary>--math=png: PNG file of each equation by fragment key, used instead of inline SVG.</summary>
    public IReadOnlyDictionary<string, string> MathImages { get; init; } = new Dictionary<string, string>();
    /// <summary>Each equation's MathML by fragment key (KaTeX's, cleaned), hidden beside its SVG for screen readers.</summary>
    public IReadOnlyDictionary<string, string> MathML { get; init; } = new Dictionary<string, string>();
    /// <summary>A PDF kept from an earlier build (<c>--no-pdf</c>) that the footer links and marks stale, or null.</summary>
    public PdfLink? PdfLink { get; init; }
}
