using System.Diagnostics;
using System.Text;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Latex;
using Bookish.Model;
using Bookish.Notation;
using Bookish.Plots;
using Bookish.Security;
using Bookish.Text;
using Bookish.Toolchain;

namespace Bookish.Publishing;

public static partial class Publisher
{
    private sealed record Staged(Dictionary<string, byte[]> Files, Dictionary<string, string> Copies)
    {
        public int MathFragments { get; set; }
        public int MathRendered { get; set; }
        public int TexRuns { get; set; }
        public string? PdfName { get; set; }
        public CheckOutcome? Checks { get; set; }
    }

    /// <summary>--math=png: every equation also as a 2x PNG (same box as the SVG), for readers without SVG.</summary>
    private static Dictionary<string, string> MathPngs(IReadOnlyDictionary<string, RenderedMath> rendered, Staged staged)
    {
        var images = new Dictionary<string, string>();
        foreach (var (key, math) in rendered)
        {
            // The SVG's viewBox is in PDF points at 10 pt = 1 em; 2x of a 16 px em is 3.2 px per point.
            var png = Plots.SvgRaster.Png(math.Svg, 3.2f);
            if (png is null) continue;
            var path = $"math/{key}.png";
            staged.Files[path] = png;
            images[key] = path;
        }
        return images;
    }

    public static string DefaultCacheDirectory => Path.GetFullPath(".bookish-cache");

    public static MathSettings MathSettingsFor(Publication publication, BuildOptions options, IEnumerable<MacroDefinition>? extraMacros = null) => new()
    {
        Preamble = Preamble.For(publication.Metadata, extraMacros, options.MathFont),
        PreambleOrigins = Preamble.Origins(publication.Metadata, extraMacros),
        Engine = options.Engine,
        Toolchain = options.Toolchain?.Identity ?? TexFormat.ToolchainIdentity,
        Timeout = options.TexTimeout,
        Parallelism = options.Parallelism ?? Environment.ProcessorCount,
        ResourceDirectory = publication.Pages.FirstOrDefault()?.BaseDirectory,
    };

    private static async Task<Staged> BuildStagesAsync(Publication publication, BuildOptions options, ProjectRoot root, string templates,
        DiagnosticBag diagnostics, Dictionary<string, TimeSpan> timings, Stopwatch watch, CancellationToken ct)
    {
        var staged = new Staged([], []);
        publication = await WithInstalledPackagesAsync(publication, diagnostics, ct, options.Toolchain);
        void Lap(string stage) { Toolchain.PerfTrace.Mark("end " + stage); timings[stage] = watch.Elapsed; watch.Restart(); options.StageDone?.Invoke(stage); }

        // Checks over the model: notation (its macros join the preamble), derivative claims, plots.
        var checks = DeepStack.Run(() => RunChecks(publication, diagnostics));
        ReportForbiddenRawLatex(publication, diagnostics);
        staged.Checks = checks;
        var bibliography = Citations.Bibliography.For(publication, diagnostics);
        Lap("checks");

        var templatePath = ResolveTemplate(publication.Metadata.Template, "template", publication, root, templates, "page.html", diagnostics);
        var templateText = File.ReadAllText(templatePath);
        if (!HasBodySlot(templateText))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.TemplateUnusable, SourceLocator.Locate(publication.Pages[0].SourcePath, "template", publication.Metadata.Template ?? ""),
                $"template '{publication.Metadata.Template}' has no body slot (an element with data-slot=\"body\"); the default template was used"));
            templateText = File.ReadAllText(Path.Combine(templates, "page.html"));
        }

        // Math: every distinct fragment of every page, in batches, through the cache.
        var settings = MathSettingsFor(publication, options, checks.ExtraMacros);
        var notationMath = checks.Notation.Values.Select(n => NotationTable.MathOf(n.Notation)).ToList();
        var fragments = MathCollector.Collect(publication.Pages, b => notationMath.SelectMany(f => f(b)));
        Toolchain.PerfTrace.Mark("fragments collected");
        IMathRenderer renderer = options.MathRenderer ?? new TexBatchRenderer(options.Toolchain);
        if (options.UseCache && options.MathRenderer is null)
        {
            var cacheDirectory = options.CacheDirectory ?? DefaultCacheDirectory;
            if (LinkProblem(cacheDirectory, "cache folder") is { } link)
                diagnostics.Add(Diagnostic.Warning(DiagnosticIds.CacheEntryUnusable, SourceSpan.At(cacheDirectory, 0, 0), link + "; equations are rendered without the cache"));
            else renderer = new CachingMathRenderer(renderer, cacheDirectory);
        }
        var rendering = renderer.RenderAsync(fragments, settings, ct);
        // HTML set-up that does not depend on the maths runs while TeX does (queued after the TeX batches).
        var warmUp = Task.Run(() => HtmlWriter.WarmUp(templateText), ct);
        var math = await rendering;
        diagnostics.AddRange(math.Diagnostics);
        staged.MathFragments = fragments.Count;
        staged.MathRendered = math.Rendered.Count;
        staged.TexRuns = math.TexRuns;
        Lap("math");

        // The PDF needs only the model, the checks and which equations failed: it is typeset while the HTML is assembled.
        async Task<(LatexDocument Latex, PdfResult Pdf)> BuildPdfAsync()
        {
            var broken = new HashSet<string>(math.Diagnostics.SelectMany(d => fragments.Where(f => f.Spans.Contains(d.Span)).Select(f => f.Tex)));
            var texTemplate = File.ReadAllText(Path.Combine(templates, publication.IsBook ? "book.tex" : "article.tex"));
            var generated = new Dictionary<string, byte[]>();
            foreach (var (id, pdfBytes) in checks.PlotPdfs) generated[$"plots/{LatexWriter.LabelOf(id)}.pdf"] = pdfBytes;
            var baseDir = publication.Pages[0].BaseDirectory;
            string? Resolve(Figure f)
            {
                if (f.PlotSource is not null)
                    return checks.PlotPdfs.ContainsKey(f.Id) ? $"plots/{LatexWriter.LabelOf(f.Id)}.pdf" : null;
                if (root.Resolve(baseDir, f.Source) is not { IsReadable: true, RealPath: var path } || !File.Exists(path)) return null;
                if (!f.Source.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)) return f.Source;
                // SVG images become PDF with the same library that draws plots (no extra tool).
                var converted = Plots.SvgRaster.Pdf(File.ReadAllText(path));
                if (converted is null) return null;
                var name = "svg/" + Path.ChangeExtension(f.Source.Replace('/', '_').Replace('\\', '_'), ".pdf");
                generated[name] = converted;
                return name;
            }
            var latexContext = new LatexWriterContext(publication, texTemplate, settings.Preamble)
            {
                ResolveImage = Resolve,
                BrokenMath = broken,
                Bibliography = bibliography,
                NotationRows = publication.Pages.SelectMany(p => checks.NotationRows.GetValueOrDefault(p.PageName, [])).DistinctBy(r => r.Symbol).ToList(),
            };
            // Only files inside the project go to pdflatex's folder (equations' and raw LaTeX's \includegraphics included).
            LatexDocument Contained(LatexDocument d) => d with { Resources = d.Resources.Where(r => generated.ContainsKey(r) || d.Generated.ContainsKey(r) || root.Resolve(baseDir, r).IsReadable).ToList() };
            var latex = Contained(LatexWriter.Write(latexContext));
            Toolchain.PerfTrace.Mark("latex written");
            // A LaTeX error becomes a marker in the piece that caused it and TeX runs again: the PDF is never lost.
            LatexDocument Rewrite(IReadOnlyDictionary<SourceSpan, string> failed, IReadOnlySet<SourceSpan> shrink)
            {
                latex = Contained(LatexWriter.Write(latexContext with { Failed = failed, Shrink = shrink }));
                return latex;
            }
            var pdf = await PdfBuilder.BuildAsync(latex, baseDir, publication.Pages[0].SourcePath, options.PdfTimeout, ct, generated, Rewrite,
                options.Toolchain, stall: options.TexTimeout);
            return (latex, pdf);
        }
        var pdfBuild = options.Pdf ? Task.Run(BuildPdfAsync, ct) : null;

        // HTML: one page per document.
        await warmUp;
        var template = templateText;
        var cssPath = ResolveTemplate(publication.Metadata.Css, "css", publication, root, templates, "article.css", diagnostics);
        staged.Copies["article.css"] = cssPath;
        var extraCss = new List<string>();
        if (options.DocumentCss)
            foreach (var css in publication.Metadata.DocumentCss)
            {
                // The legacy root file names the style sheets; it is the input (or the folder's root file), not a page.
                var at = SourceLocator.Locate([options.Input, .. new[] { "book.xml", "article.xml" }.Select(f => Path.Combine(options.Input, f)), .. publication.Pages.Select(p => p.SourcePath)], null, css);
                if (ReadablePath(root, publication.Pages[0].BaseDirectory, css, "style sheet", at, diagnostics) is not { } from || !File.Exists(from)) continue;
                // An absolute or upward name is copied under css/ by its file name: output names never leave the output folder.
                var outputName = OutputName(publication.Pages[0].BaseDirectory, css) ?? "css/" + Path.GetFileName(from);
                staged.Copies[outputName] = from;
                extraCss.Add(outputName);
            }
        var hasChecks = publication.Pages.Any(p => ModelWalker.Blocks(p).OfType<CheckBlock>().Any());
        var scripts = new List<string> { "page.js" };
        staged.Copies["page.js"] = Path.Combine(templates, "page.js");
        if (hasChecks)
        {
            staged.Copies["derivcheck.js"] = Path.Combine(templates, "derivcheck.js");
            staged.Copies["checker.js"] = Path.Combine(templates, "checker.js");
            scripts.AddRange(["derivcheck.js", "checker.js"]);
        }
        var context = new HtmlWriterContext(publication, math.Rendered, settings, template)
        {
            ExtraCss = extraCss,
            Scripts = scripts,
            Badges = checks.Badges,
            PlotSvgs = checks.PlotSvgs,
            Bibliography = bibliography,
            MathImages = options.MathPng ? MathPngs(math.Rendered, staged) : new Dictionary<string, string>(),
        };
        Toolchain.PerfTrace.Mark("html context");
        if (options.SocialCard && publication.Metadata.Image is null && SocialCard.Draw(publication, fragments, math.Rendered, settings) is { } card)
        {
            staged.Files["card.png"] = card;
            context = context with { SocialImage = publication.Metadata.Url is { Length: > 0 } url ? url.TrimEnd('/') + "/card.png" : "card.png" };
        }
        Toolchain.PerfTrace.Mark("social card");
        foreach (var page in publication.Pages)
        {
            var pageContext = context with
            {
                NotationRows = checks.NotationRows.GetValueOrDefault(page.PageName, []),
                InlineAnchors = checks.InlineAnchors.GetValueOrDefault(page.PageName, []),
            };
            var html = HtmlWriter.Write(page, pageContext);
            staged.Files[page.PageName + ".html"] = Encoding.UTF8.GetBytes(html);
            foreach (var (asset, span) in LocalAssets(page))
            {
                if (ReadablePath(root, page.BaseDirectory, asset, "image", span, diagnostics) is not { } from)
                {
                    if (root.Resolve(page.BaseDirectory, asset).Status == PathStatus.Missing)
                        diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PdfMissingImage, span, $"image '{asset}' not found"));
                    continue;
                }
                if (!File.Exists(from)) continue;
                if (OutputName(page.BaseDirectory, asset) is { } outputName) staged.Copies[outputName] = from;
                else diagnostics.Add(Diagnostic.Warning(DiagnosticIds.OutputNameRefused, span, $"image '{asset}' is above the page's folder; not copied into the output"));
            }
        }
        Lap("html");

        if (pdfBuild is not null)
        {
            var (latex, pdf) = await pdfBuild;
            var name = publication.Name + ".pdf";
            if (options.KeepTex) staged.Files[publication.Name + ".tex"] = Encoding.UTF8.GetBytes(latex.Tex);
            diagnostics.AddRange(latex.Warnings);
            diagnostics.AddRange(WithoutPreambleRepeats(pdf.Diagnostics, math.Diagnostics));
            if (pdf.Pdf is not null)
            {
                staged.Files[name] = pdf.Pdf;
                staged.PdfName = name;
            }
            Lap("pdf");
        }
        return staged;
    }

    /// <summary>Raw LaTeX blocks for the PDF go through the same early containment list as equations (the lockdown still holds behind it).</summary>
    private static void ReportForbiddenRawLatex(Publication publication, DiagnosticBag diagnostics)
    {
        foreach (var page in publication.Pages)
            foreach (var raw in ModelWalker.Blocks(page).OfType<RawBlock>().Where(r => r.Format == "latex"))
                if (Containment.FindForbidden(raw.Text) is { } bad)
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.ForbiddenPrimitive, raw.Span, $"'{bad}' is not allowed in raw LaTeX: it could read or write files, ship pages or end the PDF early"));
    }

    private static string ResolveTemplate(string? fromFrontMatter, string key, Publication publication, ProjectRoot root, string templates, string fallback, DiagnosticBag diagnostics)
    {
        if (fromFrontMatter is { Length: > 0 })
        {
            var at = SourceLocator.Locate(publication.Pages[0].SourcePath, key, fromFrontMatter);
            if (ReadablePath(root, publication.Pages[0].BaseDirectory, fromFrontMatter, key == "css" ? "style sheet" : "template", at, diagnostics) is { } candidate && File.Exists(candidate))
                return candidate;
        }
        return Path.Combine(templates, fallback);
    }

    /// <summary>Local image paths of a page (figures and inline images) with where they are written, to copy beside the HTML.</summary>
    private static IEnumerable<(string Source, SourceSpan Span)> LocalAssets(Document page)
    {
        var sources = ModelWalker.Blocks(page).OfType<Figure>().Where(f => f.PlotSource is null).Select(f => (f.Source, f.Span))
            .Concat(ModelWalker.Inlines(page).OfType<Image>().Select(i => (i.Source, i.Span)));
        return sources.Where(s => s.Source.Length > 0 && !s.Source.Contains("://") && !s.Source.StartsWith("data:") && !s.Source.StartsWith('#'))
            .DistinctBy(s => s.Source);
    }
}
