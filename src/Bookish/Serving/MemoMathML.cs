using Bookish.Equations;
using Bookish.MathML;
using Bookish.Model;
using Bookish.Pipeline;
using Bookish.Publishing;

namespace Bookish.Serving;

/// <summary>
/// The MathML stage for a serve session: the same fragments, settings and converter as a build's
/// (<see cref="MathMLStage"/>), with every answer kept in memory in front of the disk cache, so an edit converts only
/// the equations it added (one KaTeX batch) and a paragraph edit none. Rejected equations are remembered too (KaTeX
/// would reject them again). Not thread-safe: one rebuild at a time, as <see cref="LiveBuilder"/> runs them.
/// </summary>
internal sealed class MemoMathML(string? cacheDirectory)
{
    private readonly Dictionary<string, string?> _memo = new(StringComparer.Ordinal);

    /// <summary>Up to this many new equations are converted in this process (Jint) rather than by starting Node.</summary>
    internal const int InProcessLimit = 8;

    /// <summary>How many fragments the last run handed to the converter (new equations).</summary>
    public int LastConverted { get; private set; }

    public MathMLResults Run(Publication publication, CheckResults checks, BuildOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var settings = MathStage.SettingsFor(publication, options, checks.ExtraMacros);
        var fragments = MathStage.Collect(publication, checks);
        var missing = fragments.Where(f => !_memo.ContainsKey(f.Key(settings))).ToList();
        LastConverted = missing.Count;
        if (missing.Count > 0)
        {
            // A whole document goes to Node in one batch; an edit's few new equations to the warm in-process engine.
            var converted = MathMLConverter.Convert(missing, settings, cacheDirectory, inProcess: _memo.Count > 0 && missing.Count <= InProcessLimit);
            foreach (var f in missing)
            {
                var key = f.Key(settings);
                _memo[key] = converted.ByKey.GetValueOrDefault(key);
            }
        }
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var rejected = new List<string>();
        foreach (var f in fragments)
        {
            var key = f.Key(settings);
            if (_memo.GetValueOrDefault(key) is { } mathml) byKey[key] = mathml;
            else rejected.Add(f.Tex);
        }
        return new MathMLResults(byKey, missing.Count, rejected.Count, fragments.Count - missing.Count, clock.Elapsed) { RejectedTex = rejected };
    }

    /// <summary>Loads KaTeX into the in-process engine once, off the edit path (the first build's idle time), so an edit's conversion is warm.</summary>
    public static Task WarmUpAsync() => Task.Run(() =>
    {
        if (KatexEngine.IsInstalled) Security.DeepStack.Run(() => KatexEngine.Shared.Convert("x", false, []));
    });
}
