using System.Diagnostics;
using Bookish.Equations;

namespace Bookish.MathML;

/// <summary>
/// Every distinct equation of a publication to MathML (KaTeX in Jint, <see cref="KatexEngine"/>), through the cache
/// (<see cref="MathMLCache"/>) when there is one: the author's macros are given to KaTeX as definitions, raw LaTeX
/// blocks (TikZ and the like) are left out, and the row markers of numbered multi-row displays are taken out first.
/// </summary>
internal static class MathMLConverter
{
    public static MathMLResults Convert(IReadOnlyList<MathFragment> fragments, MathSettings settings, string? cacheDirectory, KatexNode.NodeRun? node = null, bool inProcess = false) =>
        // KaTeX's parser is recursive, and each JavaScript call is a dozen .NET frames in Jint: deeply nested TeX would
        // overflow a thread-pool stack (a crash no handler can catch) before Jint's own recursion limit answers. On a
        // large stack the limit is reached first and the equation simply gets no MathML.
        Security.DeepStack.Run(() => ConvertOnThisThread(fragments, settings, cacheDirectory, node, inProcess));

    /// <param name="node">A Node.js process started early (<see cref="MathMLStage.Prestart"/>), or null.</param>
    /// <param name="inProcess">Convert in this process (Jint, warm after its first use) instead of starting Node: for the few
    /// equations of a serve edit, where Node's start costs more than the conversions.</param>
    private static MathMLResults ConvertOnThisThread(IReadOnlyList<MathFragment> fragments, MathSettings settings, string? cacheDirectory, KatexNode.NodeRun? node, bool inProcess)
    {
        var clock = Stopwatch.StartNew();
        var cache = cacheDirectory is null ? null : new MathMLCache(cacheDirectory);
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var rejected = new List<string>();
        int converted = 0, fromCache = 0;
        IReadOnlyList<string>? definitions = null;
        // First what the cache knows; then everything else in one batch (Node when there is one, else Jint one by one).
        var misses = new List<(MathFragment Fragment, string Key, string CacheKey, string? Tex)>();
        foreach (var f in fragments)
        {
            var key = f.Key(settings);
            var cacheKey = MathMLCache.KeyOf(key);
            if (cache is not null && cache.TryLoad(cacheKey, out var hit))
            {
                fromCache++;
                if (hit is null) rejected.Add(f.Tex);
                else byKey[key] = hit;
                continue;
            }
            var tex = f.Mode == MathMode.RawBlock ? RawMath(f.Tex) : f.Tex.Replace(MathTex.RowMarker, "", StringComparison.Ordinal);
            misses.Add((f, key, cacheKey, tex));
        }
        Toolchain.PerfTrace.Mark($"mathml: keys (preamble {settings.Preamble.Length} chars)");
        if (misses.Count > 0)
        {
            definitions ??= MacroDefinitions(settings.Preamble);
            Toolchain.PerfTrace.Mark($"mathml: {misses.Count} to convert, macro definitions read");
            var batch = misses.Where(m => m.Tex is not null).Select(m => (m.Tex!, m.Fragment.Mode != MathMode.Inline)).ToList();
            // The process started early, or (none, or it was lost meanwhile) a new one; Jint when Node cannot answer.
            var fromNode = inProcess ? null : node?.Convert(batch, definitions) ?? KatexNode.ConvertAll(batch, definitions);
            Toolchain.PerfTrace.Mark(fromNode is null ? "mathml: KaTeX in Jint" : "mathml: Node.js done");
            var next = 0;
            foreach (var (f, key, cacheKey, tex) in misses)
            {
                var raw = tex is null ? null
                    : fromNode is not null ? fromNode[next++]
                    : KatexEngine.Shared.Convert(tex, f.Mode != MathMode.Inline, definitions);
                var mathml = raw is null ? null : MathMLSanitizer.Clean(raw);
                converted++;
                cache?.Store(cacheKey, mathml);
                if (mathml is null) rejected.Add(f.Tex);
                else byKey[key] = mathml;
            }
        }
        return new MathMLResults(byKey, converted, rejected.Count, fromCache, clock.Elapsed) { RejectedTex = rejected };
    }

    /// <summary>
    /// A raw LaTeX block as KaTeX can read it, or null: only a display math environment (<c>eqnarray</c> becomes the
    /// array it draws, <c>rcl</c>); a tabular, a picture or anything else raw keeps its spoken name only.
    /// </summary>
    internal static string? RawMath(string tex)
    {
        var t = System.Text.RegularExpressions.Regex.Replace(tex.Trim(), @"\\label\s*\{[^{}]*\}|\\nonumber\b|\\notag\b", "");
        var m = System.Text.RegularExpressions.Regex.Match(t, @"^\\begin\{(eqnarray|align|gather|multline|equation|alignat|flalign)(\*?)\}");
        if (!m.Success || !t.EndsWith("\\end{" + m.Groups[1].Value + m.Groups[2].Value + "}", StringComparison.Ordinal)) return null;
        if (m.Groups[1].Value != "eqnarray") return t;
        var body = t[m.Length..^("\\end{eqnarray}".Length + m.Groups[2].Length)];
        return "\\begin{array}{rcl}" + body + "\\end{array}";
    }

    /// <summary>The author's macros (read from the preamble as the speech does) as KaTeX definitions: <c>\gdef\name#1#2{body}</c>.</summary>
    internal static IReadOnlyList<string> MacroDefinitions(string preamble) =>
        new Html.MathSpeech(preamble).Macros
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => "\\gdef\\" + m.Key + string.Concat(Enumerable.Range(1, m.Value.Arity).Select(i => "#" + i)) + "{" + m.Value.Body + "}")
            .ToList();
}
