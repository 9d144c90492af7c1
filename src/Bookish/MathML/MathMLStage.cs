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
    public static MathMLResults Run(Publication publication, CheckResults checks, BuildOptions options)
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
        var result = MathMLConverter.Convert(fragments, settings, cache);
        Toolchain.PerfTrace.Mark($"mathml done: {result.Converted} converted, {result.FromCache} from cache, {result.Rejected} rejected by KaTeX, {result.Elapsed.TotalMilliseconds:0} ms");
        return result;
    }
}
