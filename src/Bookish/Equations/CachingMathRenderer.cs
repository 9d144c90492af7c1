using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bookish.Equations;

/// <summary>
/// Content-addressed on-disk cache in front of another renderer. Entries are written atomically (temp file + rename),
/// carry a checksum, and a corrupt or truncated entry is treated as missing and rendered again.
/// </summary>
internal sealed class CachingMathRenderer(IMathRenderer inner, string directory) : IMathRenderer
{
    public int Hits { get; private set; }
    public int Misses { get; private set; }

    /// <summary>An entry: the markup, its glyph outlines by id (absent in entries of older versions, which are rendered again), the box, a checksum.</summary>
    private sealed record Entry(string Svg, double Width, double Height, double Depth, string Sum, Dictionary<string, string>? Glyphs = null);

    public async Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var rendered = new Dictionary<string, RenderedMath>();
        var missing = new List<MathFragment>();
        foreach (var f in fragments)
        {
            var key = f.Key(settings);
            if (TryLoad(key) is { } hit) rendered[key] = hit;
            else missing.Add(f);
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

    private static string Sum(string svg, double w, double h, double d, IReadOnlyDictionary<string, string> glyphs) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{svg}|{w:R}|{h:R}|{d:R}|glyphs:{string.Join(",", glyphs.Keys)}")))[..16];

    private RenderedMath? TryLoad(string key)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        try
        {
            var e = JsonSerializer.Deserialize<Entry>(File.ReadAllText(path));
            if (e?.Glyphs is not { } glyphs || e.Sum != Sum(e.Svg, e.Width, e.Height, e.Depth, glyphs)) return null;
            // The checksum only shows the entry is whole, not that Bookish wrote it: the markup is parsed and cleaned
            // again, and each glyph outline must be plain path data under the id its content gives.
            if (SvgSanitizer.Clean(e.Svg) is not { } svg || !GlyphOutlines.AreValid(glyphs)
                || !double.IsFinite(e.Width) || !double.IsFinite(e.Height) || !double.IsFinite(e.Depth)) return null;
            return new RenderedMath(svg, e.Width, e.Height, e.Depth) { Glyphs = glyphs };
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
            File.WriteAllText(temp, JsonSerializer.Serialize(new Entry(m.Markup, m.WidthEm, m.HeightEm, m.DepthEm, Sum(m.Markup, m.WidthEm, m.HeightEm, m.DepthEm, glyphs), glyphs)));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Something else sits where the entry goes (a folder, a read-only file): the equation is simply not cached.
            try { File.Delete(temp); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
        }
    }
}
