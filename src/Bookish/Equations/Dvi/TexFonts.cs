using System.Collections.Concurrent;
using System.Globalization;
using Bookish.Toolchain;

namespace Bookish.Equations.Dvi;

/// <summary>A TeX font ready for drawing: its metrics, its Type 1 outlines and how the map file says to use them.</summary>
internal sealed record TexFont(string Name, TfmFile Metrics, Type1Font? Outlines, string?[] Encoding, double Slant, double Extend, VirtualFont? Virtual = null)
{
    /// <summary>The outline of character <paramref name="code"/>, or null when the font has no glyph for it (or is virtual).</summary>
    public string? PathOf(int code) =>
        Outlines is not null && code is >= 0 and < 256 && Encoding[code] is { } name ? Outlines.PathOf(name) : null;

    /// <summary>The content id of character <paramref name="code"/>'s outline <paramref name="path"/> (see <see cref="PathOf"/>).</summary>
    public string IdOf(int code, string path) => Outlines!.IdOf(Encoding[code]!, path);
}

/// <summary>
/// Finds TeX fonts the way pdfTeX does: TFM metrics and Type 1 files through kpathsea (one <c>kpsewhich</c> run for a
/// whole set of names), and the font map (<c>pdftex.map</c>) for which Type 1 file, encoding and effects a TFM name
/// uses. Fonts that are virtual, bitmap-only or otherwise not drawable come back as null, so the caller can fall back
/// to a toolchain that handles them. Results are kept for the life of the process.
/// </summary>
internal sealed class TexFonts
{
    public static TexFonts Shared { get; } = new();

    /// <summary>Fonts the maths of nearly every document uses: looked up while TeX is still running.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "cmr10", "cmr7", "cmr5", "cmmi10", "cmmi7", "cmmi5", "cmsy10", "cmsy7", "cmsy5", "cmex10", "cmbx10", "cmbx7", "cmbx5",
        "msbm10", "msbm7", "msam10", "cmmib10", "cmmib7", "cmbsy10", "cmti10", "cmr17", "cmr12", "cmss10", "cmtt10",
    ];

    private readonly ConcurrentDictionary<string, Lazy<Task<TexFont?>>> _fonts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _paths = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lookup = new(1, 1);
    private Dictionary<string, MapEntry>? _map;
    private readonly ConcurrentDictionary<string, string?[]?> _encodings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Type1Font?> _outlines = new(StringComparer.Ordinal);

    private sealed record MapEntry(string Tfm, string? FontFile, string? EncodingFile, double Slant, double Extend, bool ReEncodes);

    /// <summary>
    /// Looks up where the <see cref="Common"/> fonts live (one kpsewhich run) and reads the few that nearly every
    /// equation uses, so that drawing the first page finds them ready. Meant to run while TeX does.
    /// </summary>
    public async Task PrefetchAsync(CancellationToken ct = default, IToolchain? toolchain = null)
    {
        await ResolveAsync(Common.Where(n => !_fonts.ContainsKey(n)).ToList(), ct, toolchain);
        await LoadAsync(["cmr10", "cmmi10", "cmsy10", "cmex10", "cmr7", "cmmi7"], ct, toolchain);
    }

    /// <summary>Loads the named fonts (each at most once per process); null for a font that cannot be drawn here.</summary>
    public async Task<Dictionary<string, TexFont?>> LoadAsync(IEnumerable<string> names, CancellationToken ct = default, IToolchain? toolchain = null)
    {
        var list = names.Distinct(StringComparer.Ordinal).ToList();
        var missing = list.Where(n => !_fonts.ContainsKey(n)).ToList();
        if (missing.Count > 0) await ResolveAsync(missing, ct, toolchain);
        var result = new Dictionary<string, TexFont?>(StringComparer.Ordinal);
        foreach (var name in list)
        {
            var lazy = _fonts.GetOrAdd(name, n => new Lazy<Task<TexFont?>>(() => Task.Run(() => Load(n), ct)));
            result[name] = await lazy.Value;
        }
        // Virtual fonts bring the fonts they are made of (which may be virtual too).
        for (var depth = 0; depth < 8; depth++)
        {
            var inner = result.Values.Where(f => f?.Virtual is not null).SelectMany(f => f!.Virtual!.Fonts.Select(l => l.Name))
                .Where(n => !result.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();
            if (inner.Count == 0) break;
            foreach (var (name, font) in await LoadAsync(inner, ct, toolchain)) result[name] = font;
        }
        return result;
    }

    /// <summary>Runs kpsewhich once for the map, the TFM and VF files of <paramref name="names"/> and their Type 1 and encoding files.</summary>
    private async Task ResolveAsync(List<string> names, CancellationToken ct, IToolchain? toolchain)
    {
        await _lookup.WaitAsync(ct);
        try
        {
            // Under the lock, so a lookup in progress elsewhere is finished before names count as known.
            names = names.Where(n => !_paths.ContainsKey(n + ".tfm")).ToList();
            if (names.Count == 0 && _map is not null) return;
            var wanted = new List<string>();
            if (_map is null) wanted.Add("pdftex.map");
            foreach (var n in names)
            {
                wanted.Add(n + ".tfm");
                wanted.Add(n + ".vf");
            }
            await FindAsync(wanted, ct, toolchain);
            if (_map is null)
                _map = _paths.GetValueOrDefault("pdftex.map") is { } mapPath ? ParseMap(await File.ReadAllTextAsync(mapPath, ct)) : [];
            var second = new List<string>();
            foreach (var n in names)
                if (_map.TryGetValue(n, out var e))
                {
                    if (e.FontFile is { } f) second.Add(f);
                    if (e.EncodingFile is { } enc) second.Add(enc);
                }
            await FindAsync(second, ct, toolchain);
        }
        finally { _lookup.Release(); }
    }

    private async Task FindAsync(List<string> files, CancellationToken ct, IToolchain? toolchain)
    {
        var unknown = files.Where(f => !_paths.ContainsKey(f)).Distinct(StringComparer.Ordinal).ToList();
        // Where an earlier build found them (the same TeX installation), when they are still there.
        var kept = FontPaths.For(toolchain);
        foreach (var f in unknown)
            if (kept.TryFind(f, out var path)) _paths[f] = path;
        unknown.RemoveAll(_paths.ContainsKey);
        if (unknown.Count == 0) return;
        // Font names come from a DVI file TeX wrote for the document: kpsewhich runs sandboxed too.
        PerfTrace.Mark($"kpsewhich for {unknown.Count} files");
        var work = Security.TempFolders.Create("kpse");
        ProcessResult run;
        try { run = await (toolchain ?? CliToolchain.Shared).RunAsync(new ToolInvocation("kpsewhich", ["--", .. unknown], work, TimeSpan.FromSeconds(20)), ct); }
        finally { try { Directory.Delete(work, true); } catch (IOException) { } }
        var found = new List<(string, string)>();
        foreach (var line in run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            _paths[Path.GetFileName(line)] = line;
            found.Add((Path.GetFileName(line), line));
        }
        // kpsewhich's exit code is the number of files it did not find: when that adds up, those are kept as missing too
        // (most fonts have no virtual font); a new TeX package changes the installation's identity, and so the table.
        var foundNames = found.Select(p => p.Item1).ToHashSet(StringComparer.Ordinal);
        var missing = unknown.Where(f => !foundNames.Contains(f)).ToList();
        if (!run.TimedOut && run.ExitCode == missing.Count)
            kept.Add(found.Where(p => unknown.Contains(p.Item1)).Concat(missing.Select(m => (m, ""))));
        foreach (var f in unknown) _paths.TryAdd(f, null);
    }

    private TexFont? Load(string name)
    {
        try
        {
            if (_paths.GetValueOrDefault(name + ".tfm") is not { } tfmPath) return null;
            if (_paths.GetValueOrDefault(name + ".vf") is { } vfPath)
                return new TexFont(name, TfmFile.Parse(File.ReadAllBytes(tfmPath)), null, new string?[256], 0, 1, VirtualFont.Parse(File.ReadAllBytes(vfPath)));
            if (_map is null || !_map.TryGetValue(name, out var entry) || entry.FontFile is null) return null;
            if (_paths.GetValueOrDefault(entry.FontFile) is not { } fontPath) return null;
            var outlines = _outlines.GetOrAdd(fontPath, p =>
            {
                try { return Type1Font.Parse(File.ReadAllBytes(p)); }
                catch (Exception e) when (e is InvalidDataException or IOException or IndexOutOfRangeException or ArgumentException) { return null; }
            });
            if (outlines is null) return null;
            var encoding = outlines.Encoding;
            if (entry.EncodingFile is { } encFile)
            {
                if (_paths.GetValueOrDefault(encFile) is not { } encPath) return null;
                if (_encodings.GetOrAdd(encPath, p => ParseEncodingFile(File.ReadAllText(p))) is not { } enc) return null;
                encoding = enc;
            }
            var metrics = TfmFile.Parse(File.ReadAllBytes(tfmPath));
            return new TexFont(name, metrics, outlines, encoding, entry.Slant, entry.Extend);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>pdftex.map lines: <c>tfm [psname] ["effects"] [&lt;enc] [&lt;fontfile]</c>, fields in any order after the name.</summary>
    private static Dictionary<string, MapEntry> ParseMap(string text)
    {
        var map = new Dictionary<string, MapEntry>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '%' or '#' or '*' or ';') continue;
            var tokens = new List<string>();
            var i = 0;
            while (i < line.Length)
            {
                if (char.IsWhiteSpace(line[i])) { i++; continue; }
                if (line[i] == '"')
                {
                    var close = line.IndexOf('"', i + 1);
                    if (close < 0) close = line.Length;
                    tokens.Add(line[i..Math.Min(line.Length, close + 1)]);
                    i = close + 1;
                    continue;
                }
                var start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
                tokens.Add(line[start..i]);
            }
            if (tokens.Count == 0) continue;
            string? fontFile = null, enc = null;
            double slant = 0, extend = 1;
            var reencode = false;
            for (var k = 1; k < tokens.Count; k++)
            {
                var t = tokens[k];
                if (t.StartsWith('"'))
                {
                    var words = t.Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    for (var w = 1; w < words.Length; w++)
                    {
                        if (words[w] == "SlantFont" && double.TryParse(words[w - 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s)) slant = s;
                        if (words[w] == "ExtendFont" && double.TryParse(words[w - 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) extend = x;
                        if (words[w] == "ReEncodeFont") reencode = true;
                    }
                    continue;
                }
                if (t.StartsWith('<'))
                {
                    var file = t.TrimStart('<', '[');
                    if (file.Length == 0 && k + 1 < tokens.Count) file = tokens[++k];
                    if (file.EndsWith(".enc", StringComparison.OrdinalIgnoreCase)) enc = file;
                    else if (file.EndsWith(".pfb", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".pfa", StringComparison.OrdinalIgnoreCase)) fontFile = file;
                    else fontFile = null; // TrueType or OpenType: not drawn here
                }
            }
            map.TryAdd(tokens[0], new MapEntry(tokens[0], fontFile, enc, slant, extend, reencode));
        }
        return map;
    }

    /// <summary>An encoding vector file: <c>/Name [ /glyph … ] def</c>.</summary>
    internal static string?[]? ParseEncodingFile(string text)
    {
        var open = text.IndexOf('[');
        var close = text.IndexOf(']', open + 1);
        if (open < 0 || close < 0) return null;
        var body = string.Join('\n', text[(open + 1)..close].Split('\n').Select(l => l.IndexOf('%') is var c && c >= 0 ? l[..c] : l));
        var names = body.Replace("/", " /").Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(t => t.StartsWith('/')).Select(t => t[1..]).ToList();
        var encoding = new string?[256];
        for (var i = 0; i < Math.Min(256, names.Count); i++) encoding[i] = names[i] == ".notdef" ? null : names[i];
        return encoding;
    }
}
