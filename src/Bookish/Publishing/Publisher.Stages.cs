using System.Diagnostics;
using System.Text;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Latex;
using Bookish.Model;
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
    }

    public static string DefaultCacheDirectory => Path.GetFullPath(".bookish-cache");

    public static MathSettings MathSettingsFor(Publication publication, BuildOptions options) => new()
    {
        Preamble = Preamble.For(publication.Metadata, null, options.MathFont),
        Engine = options.Engine,
        Timeout = options.TexTimeout,
        Parallelism = options.Parallelism ?? Environment.ProcessorCount,
        ResourceDirectory = publication.Pages.FirstOrDefault()?.BaseDirectory,
    };

    private static async Task<Staged> BuildStagesAsync(Publication publication, BuildOptions options, string templates,
        DiagnosticBag diagnostics, Dictionary<string, TimeSpan> timings, Stopwatch watch, CancellationToken ct)
    {
        var staged = new Staged([], []);
        void Lap(string stage) { timings[stage] = watch.Elapsed; watch.Restart(); }

        // Math: every distinct fragment of every page, in batches, through the cache.
        var settings = MathSettingsFor(publication, options);
        var fragments = MathCollector.Collect(publication.Pages);
        IMathRenderer renderer = options.MathRenderer ?? new TexBatchRenderer();
        if (options.UseCache && options.MathRenderer is null)
            renderer = new CachingMathRenderer(renderer, options.CacheDirectory ?? DefaultCacheDirectory);
        var math = await renderer.RenderAsync(fragments, settings, ct);
        diagnostics.AddRange(math.Diagnostics);
        staged.MathFragments = fragments.Count;
        staged.MathRendered = math.Rendered.Count;
        staged.TexRuns = math.TexRuns;
        Lap("math");

        // HTML: one page per document.
        var template = File.ReadAllText(ResolveTemplate(publication.Metadata.Template, publication, templates, "page.html"));
        var cssPath = ResolveTemplate(publication.Metadata.Css, publication, templates, "article.css");
        staged.Copies["article.css"] = cssPath;
        var extraCss = new List<string>();
        if (options.DocumentCss)
            foreach (var css in publication.Metadata.DocumentCss)
            {
                var from = Path.Combine(publication.Pages[0].BaseDirectory, css);
                if (File.Exists(from)) { staged.Copies[css] = from; extraCss.Add(css); }
            }
        var context = new HtmlWriterContext(publication, math.Rendered, settings, template) { ExtraCss = extraCss };
        foreach (var page in publication.Pages)
        {
            var html = HtmlWriter.Write(page, context);
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
            var latex = LatexWriter.Write(new LatexWriterContext(publication, texTemplate, settings.Preamble)
            {
                ResolveImage = f => File.Exists(Path.Combine(publication.Pages[0].BaseDirectory, f.Source)) ? f.Source : null,
                BrokenMath = broken,
            });
            var name = publication.Name + ".pdf";
            if (options.KeepTex) staged.Files[publication.Name + ".tex"] = Encoding.UTF8.GetBytes(latex.Tex);
            var pdf = await PdfBuilder.BuildAsync(latex, publication.Pages[0].BaseDirectory, publication.Pages[0].SourcePath, TimeSpan.FromSeconds(Math.Max(120, options.TexTimeout.TotalSeconds)), ct);
            diagnostics.AddRange(pdf.Diagnostics);
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
