using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Html;
using Bookish.Model;
using Bookish.Plots;
using Bookish.Publishing;
using Bookish.Security;
using Bookish.Writing.Epub;

namespace Bookish.Pipeline;

/// <summary>The EPUB stage's file (<c>&lt;name&gt;.epub</c>) and what it reported.</summary>
internal sealed record EpubResult(StagedFiles Staged, string EpubName, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Stage 5c (with <c>--epub</c> or <c>formats: [..., epub]</c>): the publication as one EPUB 3 book. Each page (an
/// article, or each chapter and the book's index page) is written by the <see cref="HtmlWriter"/> into the EPUB page
/// template and made XHTML by <see cref="EpubXhtml"/>; images are the files the HTML stage copies; the cover is the
/// social card drawn as a portrait; <see cref="EpubWriter"/> makes the container.
/// </summary>
internal static partial class EpubStage
{
    public const int CoverWidth = 1200, CoverHeight = 1800;

    public static EpubResult Run(Publication publication, CheckResults checks, MathResults math, HtmlResult html, ProjectRoot root, string templates)
    {
        var diagnostics = new DiagnosticBag();
        var template = File.ReadAllText(TemplateFile(templates, "epub-page.html"));
        var context = new HtmlWriterContext(publication, math.Rendered, math.Settings, template)
        {
            CssHref = "epub.css",
            Badges = checks.Verdicts.ToDictionary(v => v.Key, v => HtmlStage.Badge(v.Value)),
            PlotSvgs = checks.Plots.OrderBy(p => p.Key, StringComparer.Ordinal).Select((p, i) => (p.Key, Svg: ForBook(p.Value.Svg, i)))
                .ToDictionary(p => p.Key, p => p.Svg),
            Bibliography = checks.Bibliography,
        };
        var pageFiles = PageFiles(publication);
        var speech = new MathSpeech(math.Settings.Preamble);
        var resources = new Dictionary<string, EpubResource>(StringComparer.Ordinal);
        string? ImageName(Document page, string src)
        {
            var decoded = Uri.UnescapeDataString(src.Split('#', '?')[0]);
            if (Publisher.OutputName(page.BaseDirectory, decoded) is not { } name) return null;
            if (resources.ContainsKey(name)) return name;
            byte[]? bytes = html.Staged.Files.TryGetValue(name, out var made) ? made
                : html.Staged.Copies.TryGetValue(name, out var from) && File.Exists(from) ? File.ReadAllBytes(from) : null;
            if (bytes is null) return null;
            if (EpubXhtml.ImageTypes.TryGetValue(Path.GetExtension(name), out var type)) resources[name] = new EpubResource(name, type, bytes);
            return name;
        }

        // The cover (a large PNG to draw and encode) is made on the other core while the pages are converted.
        var coverDiagnostics = new DiagnosticBag();
        var drawing = Task.Run(() => Cover(publication, math, root, coverDiagnostics));
        var documents = new List<EpubDocument>();
        foreach (var page in publication.Pages)
        {
            var pageContext = context with
            {
                NotationRows = checks.NotationRows.GetValueOrDefault(page.PageName, []),
                InlineAnchors = checks.InlineAnchors.GetValueOrDefault(page.PageName, new Dictionary<(int, int), string>()),
            };
            var written = HtmlWriter.Write(page, pageContext);
            Toolchain.PerfTrace.Mark("epub page written " + page.PageName);
            var converted = EpubXhtml.Convert(written, new EpubPageContext(page.SourcePath, pageFiles) { ImageName = src => ImageName(page, src) });
            Toolchain.PerfTrace.Mark("epub page converted " + page.PageName);
            diagnostics.AddRange(converted.Diagnostics);
            var isTitlePage = publication.IsBook && page.PageName == "index";
            var title = Presentation.HasMath(page.Metadata.TitleContent) ? Presentation.PlainText(page.Metadata.TitleContent, speech.Speak) : Presentation.HeaderTitle(page, publication);
            documents.Add(new EpubDocument(pageFiles[page.PageName], title, converted.Xhtml, converted.HasSvg)
            {
                Landmark = isTitlePage ? "titlepage" : documents.Any(d => d.Landmark == "bodymatter") ? null : "bodymatter",
            });
        }

        var metadata = Metadata(publication, diagnostics);
        var cover = drawing.GetAwaiter().GetResult();
        diagnostics.AddRange(coverDiagnostics.ToList());
        resources["epub.css"] = new EpubResource("epub.css", "text/css", File.ReadAllBytes(TemplateFile(templates, "epub.css")));
        var book = new EpubBook(metadata, documents, Contents(publication, pageFiles, speech.Speak), [.. resources.Values.OrderBy(r => r.Name, StringComparer.Ordinal)])
        {
            // The contents page follows the title page of a book, and opens an article.
            NavAfter = publication.IsBook && publication.Pages.Length > 0 && publication.Pages[0].PageName == "index" ? 1 : 0,
            Cover = cover,
        };
        Toolchain.PerfTrace.Mark("epub cover and metadata");
        var name = publication.Name + ".epub";
        var files = ImmutableDictionary<string, byte[]>.Empty.Add(name, EpubWriter.Write(book));
        return new EpubResult(new StagedFiles(files, ImmutableDictionary<string, string>.Empty), name, diagnostics.ToList());
    }

    /// <summary>A template of the EPUB from the build's templates folder, or the shipped one when that folder has none (an older copy).</summary>
    private static string TemplateFile(string templates, string name)
    {
        var path = Path.Combine(templates, name);
        return File.Exists(path) ? path : Path.Combine(Templates.Directory(), name);
    }

    /// <summary>Each page's file in the book: its page name with <c>.xhtml</c> (names the book itself uses get a suffix).</summary>
    internal static IReadOnlyDictionary<string, string> PageFiles(Publication publication)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "nav.xhtml", "cover.xhtml" };
        foreach (var page in publication.Pages)
        {
            var stem = Regex.Replace(page.PageName, @"[^A-Za-z0-9._-]", "-");
            var file = stem + ".xhtml";
            for (var k = 2; !taken.Add(file); k++) file = $"{stem}-{k}.xhtml";
            files[page.PageName] = file;
        }
        return files;
    }

    /// <summary>
    /// The contents: an article's sections, or each page of a book with its sections (two heading levels). Titles are
    /// text (reading systems show the navigation as text): math in them is given by <paramref name="math"/>, the
    /// equation's spoken form in a build (as the page's window title and the equations' accessible names say it).
    /// </summary>
    internal static IReadOnlyList<EpubNavEntry> Contents(Publication publication, IReadOnlyDictionary<string, string> pageFiles, Func<string, string>? math = null)
    {
        math ??= tex => tex;
        string Text(IEnumerable<Inline> inlines) => Presentation.PlainText(inlines, math).Trim();
        IReadOnlyList<EpubNavEntry> Sections(Document page)
        {
            var file = EpubPaths.Href(pageFiles[page.PageName]);
            var top = Presentation.TopHeadingLevel(page);
            var entries = new List<(EpubNavEntry Entry, List<EpubNavEntry> Children)>();
            foreach (var h in page.Blocks.OfType<Heading>().Where(h => h.Level <= top + 1 && h.Id.Length > 0))
            {
                var text = Text(h.Content);
                var title = h.Number.Length > 0 ? h.Number + " " + text : text;
                var children = new List<EpubNavEntry>();
                var entry = new EpubNavEntry(title.Length > 0 ? title : h.Id, file + "#" + h.Id, children);
                if (h.Level == top || entries.Count == 0) entries.Add((entry, children));
                else entries[^1].Children.Add(entry);
            }
            return entries.Select(e => e.Entry).ToList();
        }
        if (!publication.IsBook)
        {
            var page = publication.Pages[0];
            var sections = Sections(page);
            return sections.Count > 0 ? sections : [new EpubNavEntry(Presentation.HeaderTitle(page, publication) is { Length: > 0 } t ? t : publication.Name, EpubPaths.Href(pageFiles[page.PageName]), [])];
        }
        var contents = new List<EpubNavEntry>();
        foreach (var page in publication.Pages)
        {
            var file = EpubPaths.Href(pageFiles[page.PageName]);
            if (page.PageName == "index")
            {
                // The title page, and the index page's own sections when it has any.
                contents.Add(new EpubNavEntry(publication.Metadata.Title is { Length: > 0 } t ? t : "Title page", file, Sections(page)));
                continue;
            }
            var sections = Sections(page);
            // A chapter whose only top heading is its title lists that heading's subsections under the chapter.
            if (sections.Count == 1 && page.Blocks.OfType<Heading>().First() is var first
                && Presentation.PlainText(first.Content).Trim() == Presentation.PageTitle(page))
                sections = sections[0].Children;
            contents.Add(new EpubNavEntry(Text(Presentation.PageTitleInlines(page)), file, sections));
        }
        return contents;
    }

    /// <summary>
    /// A plot's SVG for the book: colours as the drawing's fallbacks (readers that do not know CSS custom properties
    /// would drop the stroke), and its ids (Skia numbers clip paths per process) renamed after the plot's place, so
    /// they are unique in the file and the same sources give the same book.
    /// </summary>
    internal static string ForBook(string svg, int plot)
    {
        svg = CustomProperty().Replace(svg, m => m.Groups["fallback"].Value.Trim());
        // The legend's swatches name the series' colour without a fallback (the page's style sheet defines it; the
        // book's does not): the drawing's own colour, or readers leave the swatch unstroked.
        svg = SeriesColour().Replace(svg, m =>
        {
            var c = PlotPainter.Palette[(int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) - 1) % PlotPainter.Palette.Length];
            return $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}";
        });
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        svg = SvgId().Replace(svg, m => $"id=\"{renamed.GetValueOrDefault(m.Groups["id"].Value) ?? (renamed[m.Groups["id"].Value] = $"plot{plot + 1}-{renamed.Count + 1}")}\"");
        return renamed.Count == 0 ? svg : SvgReference().Replace(svg, m => renamed.TryGetValue(m.Groups["id"].Value, out var to) ? m.Value.Replace("#" + m.Groups["id"].Value, "#" + to) : m.Value);
    }

    [GeneratedRegex(@"var\(--plot-(?<n>[1-9][0-9]?)\)")]
    private static partial Regex SeriesColour();

    [GeneratedRegex(@"(?<=\s)id=""(?<id>[^""]+)""")]
    private static partial Regex SvgId();

    [GeneratedRegex(@"(url\(#(?<id>[^)""\s]+)\)|href=""#(?<id>[^""]+)"")")]
    private static partial Regex SvgReference();

    [GeneratedRegex(@"var\(--[A-Za-z0-9-]+\s*,\s*(?<fallback>[^()]+)\)")]
    private static partial Regex CustomProperty();
}
