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
            var converted = MathMLConverter.Convert(missing, settings, cacheDirectory);
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
}
