using System.Diagnostics;
using System.Text;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Latex;
using Bookish.Model;
using Bookish.Notation;
using Bookish.Plots;
using Bookish.Text;

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
        Timeout = options.TexTimeout,
        Parallelism = options.Parallelism ?? Environment.ProcessorCount,
        ResourceDirectory = publication.Pages.FirstOrDefault()?.BaseDirectory,
    };

    private static async Task<Staged> BuildStagesAsync(Publication publication, BuildOptions options, string templates,
        DiagnosticBag diagnostics, Dictionary<string, TimeSpan> timings, Stopwatch watch, CancellationToken ct)
    {
        var staged = new Staged([], []);
        publication = await WithInstalledPackagesAsync(publication, diagnostics, ct);
        void Lap(string stage) { Toolchain.PerfTrace.Mark("end " + stage); timings[stage] = watch.Elapsed; watch.Restart(); }

        // Checks over the model: notation (its macros join the preamble), derivative claims, plots.
        var checks = RunChecks(publication, diagnostics);
        staged.Checks = checks;
        var bibliography = Citations.Bibliography.For(publication, diagnostics);
        Lap("checks");

        var templatePath = ResolveTemplate(publication.Metadata.Template, publication, templates, "page.html");
        var templateText = File.ReadAllText(templatePath);

        // Math: every distinct fragment of every page, in batches, through the cache.
        var settings = MathSettingsFor(publication, options, checks.ExtraMacros);
        var notationMath = checks.Notation.Values.Select(n => NotationTable.MathOf(n.Notation)).ToList();
        var fragments = MathCollector.Collect(publication.Pages, b => notationMath.SelectMany(f => f(b)));
        Toolchain.PerfTrace.Mark("fragments collected");
        IMathRenderer renderer = options.MathRenderer ?? new TexBatchRenderer();
        if (options.UseCache && options.MathRenderer is null)
            renderer = new CachingMathRenderer(renderer, options.CacheDirectory ?? DefaultCacheDirectory);
        var rendering = renderer.RenderAsync(fragments, settings, ct);
        // HTML set-up that does not depend on the maths runs while TeX does (queued after the TeX batches).
        var warmUp = Task.Run(() => HtmlWriter.WarmUp(templateText), ct);
        var math = await rendering;
        diagnostics.AddRange(math.Diagnostics);
        staged.MathFragments = fragments.Count;
        staged.MathRendered = math.Rendered.Count;
        staged.TexRuns = math.TexRuns;
        Lap("math");

        // HTML: one page per document.
        await warmUp;
        var template = templateText;
        var cssPath = ResolveTemplate(publication.Metadata.Css, publication, templates, "article.css");
        staged.Copies["article.css"] = cssPath;
        var extraCss = new List<string>();
        if (options.DocumentCss)
            foreach (var css in publication.Metadata.DocumentCss)
            {
                var from = Path.Combine(publication.Pages[0].BaseDirectory, css);
                if (File.Exists(from)) { staged.Copies[css] = from; extraCss.Add(css); }
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
            foreach (var asset in LocalAssets(page))
            {
                var from = Path.GetFullPath(Path.Combine(page.BaseDirectory, asset));
                if (File.Exists(from)) staged.Copies[asset] = from;
                else diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PdfMissingImage, SourceSpan.At(page.SourcePath, 0, 0), $"image '{asset}' not found"));
            }
        }
        Lap("html");

        if (options.Pdf)
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
                var path = Path.Combine(baseDir, f.Source);
                if (!File.Exists(path)) return null;
                if (!f.Source.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)) return f.Source;
                // SVG images become PDF with the same library that draws plots (no extra tool).
                var converted = Plots.SvgRaster.Pdf(File.ReadAllText(path));
                if (converted is null) return null;
                var name = "svg/" + Path.ChangeExtension(f.Source.Replace('/', '_').Replace('\\', '_'), ".pdf");
                generated[name] = converted;
                return name;
            }
            var latex = LatexWriter.Write(new LatexWriterContext(publication, texTemplate, settings.Preamble)
            {
                ResolveImage = Resolve,
                BrokenMath = broken,
                Bibliography = bibliography,
                NotationRows = publication.Pages.SelectMany(p => checks.NotationRows.GetValueOrDefault(p.PageName, [])).DistinctBy(r => r.Symbol).ToList(),
            });
            var name = publication.Name + ".pdf";
            if (options.KeepTex) staged.Files[publication.Name + ".tex"] = Encoding.UTF8.GetBytes(latex.Tex);
            var pdf = await PdfBuilder.BuildAsync(latex, baseDir, publication.Pages[0].SourcePath, TimeSpan.FromSeconds(Math.Max(120, options.TexTimeout.TotalSeconds)), ct, generated);
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

    private static string ResolveTemplate(string? fromFrontMatter, Publication publication, string templates, string fallback)
    {
        if (fromFrontMatter is { Length: > 0 })
        {
            var candidate = Path.Combine(publication.Pages[0].BaseDirectory, fromFrontMatter);
            if (File.Exists(candidate)) return candidate;
        }
        return Path.Combine(templates, fallback);
    }

    /// <summary>Relative image paths of a page (figures and inline images), to copy beside the HTML.</summary>
    private static IEnumerable<string> LocalAssets(Document page)
    {
        var sources = ModelWalker.Blocks(page).OfType<Figure>().Where(f => f.PlotSource is null).Select(f => f.Source)
            .Concat(ModelWalker.Inlines(page).OfType<Image>().Select(i => i.Source));
        return sources.Where(s => s.Length > 0 && !s.Contains("://") && !s.StartsWith('/') && !s.StartsWith("data:") && !s.Contains(".."))
            .Distinct();
    }
}
