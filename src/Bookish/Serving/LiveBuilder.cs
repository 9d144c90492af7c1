using System.Diagnostics;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Model;
using Bookish.Pipeline;
using Bookish.Publishing;
using Bookish.Security;

namespace Bookish.Serving;

/// <summary>
/// <c>bookish serve</c>'s build: the stages of the Pipeline folder kept in one long-lived process. Equations stay in
/// memory (<see cref="MemoMathRenderer"/> in front of the disk cache), so a rebuild typesets only new ones; when only
/// chapter files changed and no label, number or heading moved, only those chapters' pages are written again; pages
/// are held in memory and served from there (nothing is written under output/); no social card is drawn. The PDF is
/// typeset separately (<see cref="BuildPdfAsync"/>) from the last good build, so the page never waits for it.
/// Not thread-safe: one caller rebuilds at a time.
/// </summary>
internal sealed class LiveBuilder
{
    private readonly BuildOptions _options;
    private readonly MemoMathRenderer _math;
    private readonly MemoMathML _mathml;
    private Task? _warmMathML;
    private Build? _lastGood;
    private string? _shared;
    private IReadOnlyList<Diagnostic> _htmlDiagnostics = [];

    public LiveBuilder(BuildOptions options)
    {
        Root = ProjectRoot.ForInput(options.Input, options.Root);
        TemplatesFolder = Templates.Directory(options.TemplatesDirectory);
        _math = new MemoMathRenderer(DiskRenderer(options));
        _mathml = new MemoMathML(MathMLCacheFolder(options));
        _options = options with { Pdf = false, SocialCard = false, MathRenderer = _math };
        PdfOptions = options with { Pdf = true, SocialCard = false, MathRenderer = _math };
    }

    public ProjectRoot Root { get; }
    public string TemplatesFolder { get; }
    public BuildOptions PdfOptions { get; }
    public LiveSnapshot Current { get; private set; } = LiveSnapshot.Empty;

    /// <summary>The batch renderer behind the disk cache (as a build uses it), or the test's renderer.</summary>
    private static IMathRenderer DiskRenderer(BuildOptions options)
    {
        if (options.MathRenderer is not null) return options.MathRenderer;
        IMathRenderer renderer = new TexBatchRenderer(options.Toolchain);
        if (!options.UseCache) return renderer;
        var cache = options.CacheDirectory ?? Publisher.DefaultCacheDirectory;
        return Publisher.LinkProblem(cache, "cache folder") is null ? new CachingMathRenderer(renderer, cache) : renderer;
    }

    /// <summary>The MathML cache a build would use (the equation cache's folder), or none (no cache, a test's renderer).</summary>
    private static string? MathMLCacheFolder(BuildOptions options)
    {
        if (!options.UseCache || options.MathRenderer is not null) return null;
        var cache = options.CacheDirectory ?? Publisher.DefaultCacheDirectory;
        return Publisher.LinkProblem(cache, "cache folder") is null ? cache : null;
    }

    /// <summary>
    /// Builds again after <paramref name="changed"/> (full paths; empty: everything). Bad input never throws: the
    /// snapshot carries the diagnostics, and keeps the last good pages when nothing could be read.
    /// </summary>
    public async Task<LiveSnapshot> RebuildAsync(IReadOnlyCollection<string> changed, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var version = Current.Version + 1;
        var timings = new List<(string, TimeSpan)>();
        var lap = Stopwatch.StartNew();
        void Lap(string stage) { timings.Add((stage, lap.Elapsed)); lap.Restart(); }
        var read = ReadStage.Run(_options.Input, Root);
        Lap("read");
        if (read.Publication is not { } publication)
            return Current = Current with
            {
                Version = version, Diagnostics = Publisher.Sorted(read.Diagnostics), Built = false, Rebuilt = [], NewEquations = 0, Elapsed = watch.Elapsed,
            };

        var build = new Build(_options, Path.Combine(Root.Path, ".bookish-serve"), Root, TemplatesFolder) { Read = read, Numbered = NumberStage.Number(publication, Root) };
        build = build with { Numbered = await NumberStage.WithInstalledPackagesAsync(build.Numbered!, ct, _options.Toolchain) };
        publication = build.Publication;
        Lap("number");
        build = build with { Checks = CheckStage.Run(publication) };
        Lap("checks");
        build = build with { Template = HtmlStage.Template(publication, Root, TemplatesFolder) };
        // The screen readers' MathML, as a build makes it (only new equations are converted), while TeX works.
        var (forMathML, checks) = (publication, build.Checks);
        var mathml = Task.Run(() => _mathml.Run(forMathML, checks, _options), ct);
        build = build with { Math = await MathStage.RunAsync(publication, build.Checks, _options, ct) };
        Lap("math");
        build = build with { Math = build.Math with { MathML = await mathml } };
        Lap("mathml");
        _warmMathML ??= MemoMathML.WarmUpAsync();

        var shared = SharedSignature(publication);
        var only = ChangedPagesOnly(publication, changed, shared);
        _shared = shared;
        var html = HtmlStage.Run(publication, build.Checks, build.Math, build.Template, _options, Root, TemplatesFolder, only);
        Lap("html");
        var rebuilt = publication.Pages.Where(p => only is null || only.Contains(p.PageName)).ToList();
        // A page not written again keeps what the HTML stage said about it last time (a missing image, say).
        var rebuiltSources = rebuilt.Select(p => Path.GetFullPath(p.SourcePath)).ToHashSet(StringComparer.Ordinal);
        _htmlDiagnostics = only is null ? html.Diagnostics
            : [.. _htmlDiagnostics.Where(d => !rebuiltSources.Contains(SafeFull(d.Span.Path))), .. html.Diagnostics];
        build = build with { Html = html with { Diagnostics = _htmlDiagnostics } };
        _lastGood = build;

        var names = publication.Pages.Select(p => p.PageName + ".html").ToHashSet(StringComparer.Ordinal);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (only is not null)
            foreach (var (name, bytes) in Current.Files)
                if (names.Contains(name)) files[name] = bytes;
        foreach (var (name, bytes) in html.Staged.Files) files[name] = bytes;
        var pageVersions = publication.Pages.ToDictionary(p => p.PageName,
            p => rebuilt.Contains(p) ? version : Current.PageVersions.GetValueOrDefault(p.PageName, version), StringComparer.Ordinal);
        return Current = new LiveSnapshot(version, files, html.Staged.Copies, pageVersions, Publisher.Sorted(build.Diagnostics))
        {
            Built = true,
            Rebuilt = rebuilt.Select(p => p.PageName).ToList(),
            NewEquations = _math.LastPassedOn,
            Equations = build.Math.Fragments.Count,
            Elapsed = watch.Elapsed,
            Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu,
            Timings = timings,
            PdfName = publication.Name + ".pdf",
        };
    }

    private static string SafeFull(string path)
    {
        try { return path.Length == 0 ? "" : Path.GetFullPath(path); }
        catch (ArgumentException) { return path; }
    }

    /// <summary>
    /// The pages to write again when only chapter files changed (not the book's index page, which holds the front
    /// matter) and nothing other pages show of them moved; null: every page.
    /// </summary>
    private IReadOnlySet<string>? ChangedPagesOnly(Publication publication, IReadOnlyCollection<string> changed, string shared)
    {
        if (_lastGood is null || !Current.Built || changed.Count == 0 || shared != _shared || !publication.IsBook) return null;
        var chapters = publication.Pages.Skip(1).ToDictionary(p => Path.GetFullPath(p.SourcePath), p => p.PageName, StringComparer.Ordinal);
        var pages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in changed)
        {
            if (!chapters.TryGetValue(Path.GetFullPath(path), out var page)) return null;
            pages.Add(page);
        }
        return pages;
    }

    /// <summary>What a page shows of the others: the pages, their headings and numbers, every label's target.</summary>
    private static string SharedSignature(Publication publication)
    {
        var text = new System.Text.StringBuilder();
        foreach (var page in publication.Pages)
        {
            text.Append("page ").Append(page.PageName).Append(' ').Append(page.SourcePath).Append('\n');
            foreach (var h in ModelWalker.Blocks(page).OfType<Heading>())
                text.Append(h.Level).Append(' ').Append(h.Number).Append(' ').Append(h.Id).Append(' ').Append(Presentation.PlainText(h.Content)).Append('\n');
            foreach (var target in page.Labels.Targets.OrderBy(t => t.Key, StringComparer.Ordinal)) text.Append(target.Value).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// Typesets the PDF of the last good build (in memory): the PDF's bytes (null when pdflatex made none) and what
    /// LaTeX reported. Cancel it when a newer build makes it moot.
    /// </summary>
    public async Task<(byte[]? Pdf, IReadOnlyList<Diagnostic> Diagnostics)> BuildPdfAsync(CancellationToken ct)
    {
        if (_lastGood is not { } build) return (null, []);
        var result = await LatexStage.RunAsync(build.Publication, build.Checks!, build.Math!, PdfOptions, build.Root, build.Templates, ct);
        var pdf = result.PdfName is { } name && result.Staged.Files.TryGetValue(name, out var bytes) ? bytes : null;
        return (pdf, result.Diagnostics);
    }
}
