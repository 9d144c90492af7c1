using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bookish.Equations;

/// <summary>
/// Content-addressed on-disk cache in front of another renderer. Entries are written atomically (temp file + rename),
/// carry a checksum, and a corrupt or truncated entry is treated as missing and rendered again.
/// </summary>
/// <remarks>
/// Fragments of one TeX batch share TeX's global state: a fragment's <c>\gdef</c> (or <c>\global\let</c>, <c>\xdef</c>, a
/// hook) changes the pictures of the fragments after it, which are keyed by their own text only. So each entry also
/// records its <em>context</em>: the keys (first <see cref="ContextKeyLength"/> hex digits) of every fragment typeset
/// before it in the same TeX process (<see cref="RenderedMath.Context"/>). An entry is used only by a render that
/// contains every fragment of its context: a picture a fragment changed is never shown by a document (or a later
/// version of this one) without that fragment. Entries without a context (older versions) are rendered again.
/// </remarks>
internal sealed class CachingMathRenderer(IMathRenderer inner, string directory) : IMathRenderer
{
    public int Hits { get; private set; }
    public int Misses { get; private set; }

    /// <summary>An entry: the markup, its glyph outlines by id (absent in entries of older versions, which are rendered again), the box, a checksum.</summary>
    /// <remarks>The context is one string, the keys' prefixes end to end (not an array: a warm build reads every entry,
    /// and the paper's entries hold a hundred context keys on average).</remarks>
    internal sealed record Entry(string Svg, double Width, double Height, double Depth, string Sum, Dictionary<string, string>? Glyphs = null, string? Context = null);

    /// <summary>Hex digits of a context fragment's key kept in an entry (64 bits: a fragment cannot be made to match another's by chance or effort).</summary>
    internal const int ContextKeyLength = 16;

    public async Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var rendered = new Dictionary<string, RenderedMath>();
        var missing = new List<MathFragment>();
        var keys = fragments.Select(f => f.Key(settings)).ToArray();
        var present = keys.Select(k => k[..ContextKeyLength]).ToHashSet(StringComparer.Ordinal);
        // Entries are independent files (read, checked, their SVG parsed and cleaned): read on every core.
        var hits = new RenderedMath?[keys.Length];
        Parallel.For(0, keys.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => hits[i] = TryLoad(keys[i], present));
        for (var i = 0; i < keys.Length; i++)
        {
            if (hits[i] is { } hit) rendered[keys[i]] = hit;
            else missing.Add(fragments[i]);
        }
        Hits += fragments.Count - missing.Count;
        Misses += missing.Count;
        var fromCache = fragments.Count - missing.Count;
        if (missing.Count == 0) return new MathBatchResult(rendered, []) { FromCache = fromCache };

        var result = await inner.RenderAsync(missing, settings, cancellationToken);
        // A preamble TeX rejects (a package or macro of the author's) is reported by every build until it is fixed:
        // nothing rendered under it is kept.
        var keep = !result.Diagnostics.Any(d => d.Id == Diagnostics.DiagnosticIds.PreambleError);
        foreach (var (key, math) in result.Rendered)
        {
            rendered[key] = math;
            if (keep) Store(key, math);
        }
        return new MathBatchResult(rendered, result.Diagnostics) { TexRuns = result.TexRuns, FromCache = fromCache };
    }

    private string PathOf(string key) => Path.Combine(directory, key[..2], key + ".json");

    private static string Sum(string svg, double w, double h, double d, IReadOnlyDictionary<string, string> glyphs, string context) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{svg}|{w:R}|{h:R}|{d:R}|glyphs:{string.Join(",", glyphs.Keys)}|context:{context}")))[..16];

    /// <summary>Whether every key prefix of <paramref name="context"/> (end to end) is among <paramref name="present"/>.</summary>
    private static bool AllPresent(string context, HashSet<string> present)
    {
        if (context.Length % ContextKeyLength != 0) return false;
        var lookup = present.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < context.Length; i += ContextKeyLength)
            if (!lookup.Contains(context.AsSpan(i, ContextKeyLength))) return false;
        return true;
    }

    /// <param name="present">The render's fragments (key prefixes): the entry's context must lie among them.</param>
    private RenderedMath? TryLoad(string key, HashSet<string> present)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        try
        {
            var e = JsonSerializer.Deserialize(File.ReadAllText(path), CacheJson.Default.Entry);
            if (e?.Glyphs is not { } glyphs || e.Context is not { } context || e.Sum != Sum(e.Svg, e.Width, e.Height, e.Depth, glyphs, context)) return null;
            // Made after fragments this render does not have: their global definitions may be in the picture.
            if (!AllPresent(context, present)) return null;
            // The checksum only shows the entry is whole, not that Bookish wrote it: the markup is parsed and cleaned
            // again, and each glyph outline must be plain path data under the id its content gives.
            if (SvgSanitizer.Clean(e.Svg) is not { } svg || !GlyphOutlines.AreValid(glyphs)
                || !double.IsFinite(e.Width) || !double.IsFinite(e.Height) || !double.IsFinite(e.Depth)) return null;
            return new RenderedMath(svg, e.Width, e.Height, e.Depth) { Glyphs = glyphs, Context = Enumerable.Range(0, context.Length / ContextKeyLength).Select(i => context.Substring(i * ContextKeyLength, ContextKeyLength)).ToArray() };
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Store(string key, RenderedMath m)
    {
        var path = PathOf(key);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var glyphs = m.Glyphs.ToDictionary(StringComparer.Ordinal);
            var context = string.Concat(m.Context.Select(k => k.Length > ContextKeyLength ? k[..ContextKeyLength] : k.PadRight(ContextKeyLength, '0')).Distinct(StringComparer.Ordinal));
            File.WriteAllText(temp, JsonSerializer.Serialize(new Entry(m.Markup, m.WidthEm, m.HeightEm, m.DepthEm, Sum(m.Markup, m.WidthEm, m.HeightEm, m.DepthEm, glyphs, context), glyphs, context), CacheJson.Default.Entry));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Something else sits where the entry goes (a folder, a read-only file): the equation is simply not cached.
            try { File.Delete(temp); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
        }
    }
}
