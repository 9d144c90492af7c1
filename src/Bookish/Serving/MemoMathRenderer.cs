using System.Collections.Concurrent;
using Bookish.Equations;

namespace Bookish.Serving;

/// <summary>
/// Keeps every rendered equation of a serve session in memory, in front of the disk cache: a rebuild hands only the
/// fragments it has not seen to TeX (or the cache). Failed fragments are not kept, so their errors are reported again.
/// </summary>
internal sealed class MemoMathRenderer(IMathRenderer inner) : IMathRenderer
{
    private readonly ConcurrentDictionary<string, RenderedMath> _memo = new(StringComparer.Ordinal);

    /// <summary>How many fragments the last render passed on (new equations, or ones that failed before).</summary>
    public int LastPassedOn { get; private set; }

    public async Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
    {
        var rendered = new Dictionary<string, RenderedMath>(fragments.Count, StringComparer.Ordinal);
        var missing = new List<MathFragment>();
        foreach (var f in fragments)
        {
            var key = f.Key(settings);
            if (_memo.TryGetValue(key, out var hit)) rendered[key] = hit;
            else missing.Add(f);
        }
        LastPassedOn = missing.Count;
        if (missing.Count == 0) return new MathBatchResult(rendered, []);
        var result = await inner.RenderAsync(missing, settings, cancellationToken);
        foreach (var (key, math) in result.Rendered)
        {
            rendered[key] = math;
            _memo[key] = math;
        }
        return new MathBatchResult(rendered, result.Diagnostics) { TexRuns = result.TexRuns };
    }
}
