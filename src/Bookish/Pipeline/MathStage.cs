using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Model;
using Bookish.Notation;
using Bookish.Publishing;
using Bookish.Text;

namespace Bookish.Pipeline;

/// <summary>
/// Stage 4: every distinct fragment of every page (and of the notation tables) rendered in batches by TeX, through
/// the content-addressed cache; which fragments failed is known by key, not guessed from diagnostics.
/// </summary>
internal static class MathStage
{
    /// <summary>
    /// The equation cache when --cache-dir is not given: the user's cache (<c>$XDG_CACHE_HOME/bookish/equations</c>, else
    /// <c>~/.cache/bookish/equations</c>), beside the TeX formats, never the folder the command happens to run from.
    /// Entries are content-addressed (TeX, preamble, engine, toolchain), so projects share them safely.
    /// </summary>
    public static string DefaultCacheDirectory => Path.Combine(Toolchain.TexSandbox.CacheRoot, "equations");

    /// <summary>The settings every fragment is keyed and rendered with: the document's preamble (plus notation's macros) and the options.</summary>
    public static MathSettings SettingsFor(Publication publication, BuildOptions options, IEnumerable<MacroDefinition>? extraMacros = null) => new()
    {
        Preamble = Preamble.For(publication.Metadata, extraMacros, options.MathFont),
        PreambleOrigins = Preamble.Origins(publication.Metadata, extraMacros),
        Engine = options.Engine,
        Toolchain = options.Toolchain?.Identity ?? TexFormat.ToolchainIdentity,
        Timeout = options.TexTimeout,
        Parallelism = options.Parallelism ?? Environment.ProcessorCount,
        Isolated = options.Untrusted,
        ResourceDirectory = publication.Pages.FirstOrDefault()?.BaseDirectory,
    };

    /// <summary>The distinct fragments of the publication, notation table symbols included.</summary>
    public static IReadOnlyList<MathFragment> Collect(Publication publication, CheckResults checks)
    {
        var notationMath = checks.Notation.Values.Select(n => NotationTable.MathOf(n.Notation)).ToList();
        return MathCollector.Collect(publication.Pages, b => notationMath.SelectMany(f => f(b)));
    }

    public static async Task<MathResults> RunAsync(Publication publication, CheckResults checks, BuildOptions options, CancellationToken ct)
    {
        var diagnostics = new List<Diagnostic>();
        var settings = SettingsFor(publication, options, checks.ExtraMacros);
        var fragments = Collect(publication, checks);
        options.Progress?.Report(new BuildProgress("math", $"typesetting {fragments.Count} equations with TeX (those in the cache are reused)"));
        Toolchain.PerfTrace.Mark("fragments collected");
        var renderer = Renderer(options, diagnostics);
        var math = await renderer.RenderAsync(fragments, settings, ct);
        diagnostics.AddRange(math.Diagnostics);
        var failed = fragments.Select(f => f.Key(settings)).Where(k => !math.Rendered.ContainsKey(k)).ToImmutableHashSet();
        return new MathResults(settings, fragments, math.Rendered, failed, math.TexRuns, diagnostics) { FromCache = math.FromCache };
    }

    /// <summary>The batch renderer (or the test's), behind the cache unless the build opts out.</summary>
    private static IMathRenderer Renderer(BuildOptions options, List<Diagnostic> diagnostics)
    {
        var renderer = options.MathRenderer ?? new TexBatchRenderer(options.Toolchain);
        // Untrusted input neither reads nor fills the shared cache (a private, throw-away one: none).
        if (!options.UseCache || options.Untrusted || options.MathRenderer is not null) return renderer;
        var cacheDirectory = options.CacheDirectory ?? DefaultCacheDirectory;
        if (Publisher.LinkProblem(cacheDirectory, "cache folder") is { } link)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.CacheEntryUnusable, SourceSpan.At(cacheDirectory, 0, 0), link + "; equations are rendered without the cache"));
            return renderer;
        }
        return new CachingMathRenderer(renderer, cacheDirectory);
    }
}
