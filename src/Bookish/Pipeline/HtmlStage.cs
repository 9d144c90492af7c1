using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Html;
using Bookish.Model;
using Bookish.Plots;
using Bookish.Publishing;
using Bookish.Security;
using Bookish.Text;

namespace Bookish.Pipeline;

/// <summary>The page template chosen for a build (the document's own, or the shipped one) and why another was refused.</summary>
internal sealed record PageTemplate(string Html, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The HTML writer's files and what it reported (missing images, refused names, style sheets).</summary>
internal sealed record HtmlResult(StagedFiles Staged, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Stage 5a: one HTML page per document from the model, the checks and the rendered math, with the style sheets,
/// scripts, images, social card and (with --math=png) equation images it needs.
/// </summary>
internal static partial class HtmlStage
{
    /// <summary>The page template: the front matter's <c>template:</c> when readable and usable, else templates/page.html.</summary>
    public static PageTemplate Template(Publication publication, ProjectRoot root, string templates)
    {
        var diagnostics = new DiagnosticBag();
        var path = Resolve(publication.Metadata.Template, "template", publication, root, templates, "page.html", diagnostics);
        var text = File.ReadAllText(path);
        if (!HasBodySlot(text))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.TemplateUnusable, SourceLocator.Locate(publication.Pages[0].SourcePath, "template", publication.Metadata.Template ?? ""),
                $"template '{publication.Metadata.Template}' has no body slot (an element with data-slot=\"body\"); the default template was used"));
            text = File.ReadAllText(Path.Combine(templates, "page.html"));
        }
        return new PageTemplate(text, diagnostics.ToList());
    }

    /// <param name="onlyPages">Write only these pages (serve's rebuild of a changed chapter); null: every page.</param>
    /// <param name="pdfLink">A PDF kept from an earlier build, linked (and marked stale) in the footer.</param>
    public static HtmlResult Run(Publication publication, CheckResults checks, MathResults math, PageTemplate template, BuildOptions options, ProjectRoot root, string templates,
        IReadOnlySet<string>? onlyPages = null, PdfLink? pdfLink = null)
    {
        var diagnostics = new DiagnosticBag();
        var files = ImmutableDictionary.CreateBuilder<string, byte[]>();
        var copies = ImmutableDictionary.CreateBuilder<string, string>();
        var baseDir = publication.Pages[0].BaseDirectory;

        copies["article.css"] = Resolve(publication.Metadata.Css, "css", publication, root, templates, "article.css", diagnostics);
        var extraCss = new List<string>();
        if (options.DocumentCss)
            foreach (var css in publication.Metadata.DocumentCss)
            {
                // The legacy root file names the style sheets; it is the input (or the folder's root file), not a page.
                var at = SourceLocator.Locate([options.Input, .. new[] { "book.xml", "article.xml" }.Select(f => Path.Combine(options.Input, f)), .. publication.Pages.Select(p => p.SourcePath)], null, css);
                if (Publisher.ReadablePath(root, baseDir, css, "style sheet", at, diagnostics) is not { } from || !File.Exists(from)) continue;
                // An absolute or upward name is copied under css/ by its file name: output names never leave the output folder.
                var outputName = Publisher.OutputName(baseDir, css) ?? "css/" + Path.GetFileName(from);
                copies[outputName] = from;
                extraCss.Add(outputName);
            }
        var scripts = new List<string> { "page.js" };
        copies["page.js"] = Path.Combine(templates, "page.js");
        if (publication.Pages.Any(p => ModelWalker.Blocks(p).OfType<CheckBlock>().Any()))
        {
            copies["derivcheck.js"] = Path.Combine(templates, "derivcheck.js");
            copies["checker.js"] = Path.Combine(templates, "checker.js");
            scripts.AddRange(["derivcheck.js", "checker.js"]);
        }
        AddBookAssets(publication, options, scripts, copies, files, templates);
        var context = new HtmlWriterContext(publication, math.Rendered, math.Settings, template.Html)
        {
            ExtraCss = extraCss,
            Scripts = scripts,
            Badges = checks.Verdicts.ToDictionary(v => v.Key, v => Badge(v.Value)),
            PlotSvgs = checks.Plots.ToDictionary(p => p.Key, p => p.Value.Svg),
            Bibliography = checks.Bibliography,
            MathImages = options.MathPng ? MathPngs(math, files) : new Dictionary<string, string>(),
            MathML = math.MathML.ByKey,
            PdfLink = pdfLink,
        };
        Toolchain.PerfTrace.Mark("html context");
        if (options.SocialCard && publication.Metadata.Image is null && SocialCard.Draw(publication, math.Fragments, math.Rendered, math.Settings) is { } card)
        {
            files["card.png"] = card;
            context = context with { SocialImage = publication.Metadata.Url is { Length: > 0 } url ? url.TrimEnd('/') + "/card.png" : "card.png" };
        }
        Toolchain.PerfTrace.Mark("social card");
        foreach (var page in publication.Pages)
        {
            if (onlyPages is not null && !onlyPages.Contains(page.PageName)) continue;
            var pageContext = context with
            {
                NotationRows = checks.NotationRows.GetValueOrDefault(page.PageName, []),
                InlineAnchors = checks.InlineAnchors.GetValueOrDefault(page.PageName, new Dictionary<(int, int), string>()),
            };
            files[page.PageName + ".html"] = Encoding.UTF8.GetBytes(HtmlWriter.Write(page, pageContext));
            foreach (var (asset, span) in LocalAssets(page))
            {
                if (Publisher.ReadablePath(root, page.BaseDirectory, asset, "image", span, diagnostics) is not { } from)
                {
                    if (root.Resolve(page.BaseDirectory, asset).Status == PathStatus.Missing)
                        diagnostics.Add(Diagnostic.Create(DiagnosticIds.MissingImage, span, $"image '{asset}' not found"));
                    continue;
                }
                if (!File.Exists(from)) continue;
                if (Publisher.OutputName(page.BaseDirectory, asset) is { } outputName) copies[outputName] = from;
                else diagnostics.Add(Diagnostic.Warning(DiagnosticIds.OutputNameRefused, span, $"image '{asset}' is above the page's folder; not copied into the output"));
            }
        }
        return new HtmlResult(new StagedFiles(files.ToImmutable(), copies.ToImmutable()), diagnostics.ToList());
    }

    private static string Resolve(string? fromFrontMatter, string key, Publication publication, ProjectRoot root, string templates, string fallback, DiagnosticBag diagnostics)
    {
        if (fromFrontMatter is { Length: > 0 })
        {
            var at = SourceLocator.Locate(publication.Pages[0].SourcePath, key, fromFrontMatter);
            if (Publisher.ReadablePath(root, publication.Pages[0].BaseDirectory, fromFrontMatter, key == "css" ? "style sheet" : "template", at, diagnostics) is { } candidate && File.Exists(candidate))
                return candidate;
        }
        return Path.Combine(templates, fallback);
    }

    /// <summary>How the page shows a derivative verdict: the badge's class and words, the context for the page's own checker.</summary>
    internal static HtmlBadge Badge(CheckVerdict v)
    {
        var (kind, label) = v.Verdict.Kind switch
        {
            VerdictKind.Verified => ("verified", "✓ verified numerically"),
            VerdictKind.Refuted => ("refuted", "✗ refuted"),
            _ => ("not-checkable", "not checkable"),
        };
        return new HtmlBadge(kind, label, v.Verdict.ToString()) { ContextDeclare = v.Declarations, ContextDefine = v.Definitions, Layout = v.Layout, ContextMacros = v.Macros };
    }

    /// <summary>--math=png: every equation also as a 2x PNG (same box as the SVG), for readers without SVG.</summary>
    private static Dictionary<string, string> MathPngs(MathResults math, ImmutableDictionary<string, byte[]>.Builder files)
    {
        var images = new Dictionary<string, string>();
        foreach (var (key, rendered) in math.Rendered)
        {
            // The SVG's viewBox is in PDF points at 10 pt = 1 em; 2x of a 16 px em is 3.2 px per point.
            var png = SvgRaster.Png(rendered.Svg, 3.2f);
            if (png is null) continue;
            var path = $"math/{key}.png";
            files[path] = png;
            images[key] = path;
        }
        return images;
    }

    /// <summary>Local image paths of a page (figures and inline images) with where they are written, to copy beside the HTML.</summary>
    private static IEnumerable<(string Source, SourceSpan Span)> LocalAssets(Document page)
    {
        var sources = ModelWalker.Blocks(page).OfType<Figure>().SelectMany(f => f.Parts.IsDefaultOrEmpty ? [f] : f.Parts.ToArray())
            .Where(f => f.PlotSource is null).Select(f => (f.Source, f.Span))
            .Concat(ModelWalker.Inlines(page).OfType<Image>().Select(i => (i.Source, i.Span)))
            .Concat(ModelWalker.Blocks(page).OfType<RawBlock>().Where(r => r.Format == "html").SelectMany(r => RawImages(r.Text, r.Span)))
            .Concat(ModelWalker.Inlines(page).OfType<RawInline>().Where(r => r.Format == "html").SelectMany(r => RawImages(r.Text, r.Span)));
        return sources.Where(s => s.Source.Length > 0 && !s.Source.Contains("://") && !s.Source.StartsWith("data:") && !s.Source.StartsWith('#'))
            .DistinctBy(s => s.Source);
    }

    /// <summary>The <c>src</c> of each <c>&lt;img&gt;</c> in raw HTML, at the line of the raw text it stands on.</summary>
    private static IEnumerable<(string Source, SourceSpan Span)> RawImages(string html, SourceSpan span)
    {
        foreach (Match m in ImgSource().Matches(html))
        {
            var line = span.Line + html.AsSpan(0, m.Index).Count('\n');
            yield return (System.Net.WebUtility.HtmlDecode(m.Groups["src"].Value), line == span.Line ? span : SourceSpan.At(span.Path, line, 1));
        }
    }

    [GeneratedRegex(@"<img\b[^>]*?\bsrc\s*=\s*[""']?(?<src>[^""'\s>]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ImgSource();

    /// <summary>A template file must have the slot the page's content goes into.</summary>
    [GeneratedRegex(@"data-slot\s*=\s*[""']?body[""'\s>/]", RegexOptions.IgnoreCase)]
    private static partial Regex BodySlot();

    private static bool HasBodySlot(string template) => BodySlot().IsMatch(template);
}
