using Bookish.Model;
using Bookish.Pipeline;
using Bookish.Publishing;

namespace Bookish.MathML;

/// <summary>
/// The MathML stage, run beside TeX: the same distinct fragments and settings as the math stage, converted by KaTeX
/// through the MathML cache (kept in the equation cache's folder, under the same conditions).
/// </summary>
internal static class MathMLStage
{
    /// <summary>
    /// Node.js started before the document is read, when equations will likely need converting (no cache, or no
    /// MathML cache yet): loading KaTeX then overlaps reading, which leaves the other cores idle. Null otherwise;
    /// the stage then starts Node only if it has equations to convert.
    /// </summary>
    public static KatexNode.NodeRun? Prestart(BuildOptions options)
    {
        if (options.UseCache && options.MathRenderer is null
            && Directory.Exists(Path.Combine(options.CacheDirectory ?? MathStage.DefaultCacheDirectory, "mathml"))) return null;
        return KatexNode.NodeRun.Start();
    }

    public static MathMLResults Run(Publication publication, CheckResults checks, BuildOptions options, KatexNode.NodeRun? node = null)
    {
        var settings = MathStage.SettingsFor(publication, options, checks.ExtraMacros);
        var fragments = MathStage.Collect(publication, checks);
        string? cache = null;
        if (options.UseCache && options.MathRenderer is null)
        {
            var directory = options.CacheDirectory ?? MathStage.DefaultCacheDirectory;
            if (Publisher.LinkProblem(directory, "cache folder") is null) cache = directory;
        }
        Toolchain.PerfTrace.Mark("mathml start");
        var result = MathMLConverter.Convert(fragments, settings, cache, node);
        Toolchain.PerfTrace.Mark($"mathml done: {result.Converted} converted, {result.FromCache} from cache, {result.Rejected} rejected by KaTeX, {result.Elapsed.TotalMilliseconds:0} ms");
        return result;
    }
}
