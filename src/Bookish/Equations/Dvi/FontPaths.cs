using Bookish.Toolchain;

namespace Bookish.Equations.Dvi;

/// <summary>
/// Where kpsewhich found TeX's font files (maps, metrics, outlines, encodings), kept beside the TeX formats for the
/// installation it was asked of (the file is named by <see cref="TexFormat.ToolchainIdentity"/>, so installing or
/// updating a TeX package starts a new one). A build on a machine that has built before then starts no kpsewhich
/// (two sandboxed processes a build). Only files that are still there, inside the TeX installation's folders, are
/// taken from it; anything else is looked up again. Files kpsewhich did not find are kept as missing (an empty path).
/// </summary>
internal sealed class FontPaths
{
    /// <summary>The folders a font file may be in (TeX Live's, Debian's and TeX Live's own layout).</summary>
    private static readonly string[] Roots = ["/usr/share/texlive/", "/usr/share/texmf/", "/var/lib/texmf/", "/etc/texmf/", "/usr/local/texlive/", "/opt/texlive/"];

    private readonly string? _file;
    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    private FontPaths(string? file)
    {
        _file = file;
        if (file is null) return;
        try
        {
            foreach (var line in File.ReadLines(file))
                if (line.Split('\t') is [var name, var path] && Acceptable(name, path)) _known[name] = path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>The table of the real TeX installation; none (nothing kept) for other toolchains, or without TeX.</summary>
    public static FontPaths For(IToolchain? toolchain) =>
        toolchain is not null and not CliToolchain || TexFormat.ToolchainIdentity == "no-tex"
            ? new FontPaths(null)
            : Shared.Value;

    private static readonly Lazy<FontPaths> Shared = new(() => Load(Path.Combine(TexFormat.Directory, "fonts-" + TexFormat.ToolchainIdentity[..24] + ".tsv")));

    /// <summary>The table kept in <paramref name="file"/> (empty when there is none yet).</summary>
    internal static FontPaths Load(string file) => new(file);

    /// <summary>
    /// Whether the table answers for <paramref name="name"/>: its path when the file is still there, or null when
    /// kpsewhich found no such file in this installation.
    /// </summary>
    public bool TryFind(string name, out string? path)
    {
        lock (_gate)
        {
            path = null;
            if (!_known.TryGetValue(name, out var kept)) return false;
            if (kept.Length == 0) return true;
            path = kept;
            return File.Exists(kept);
        }
    }

    /// <summary>Keeps what a kpsewhich run found (written whole, then moved into place).</summary>
    public void Add(IEnumerable<(string Name, string Path)> found)
    {
        if (_file is null) return;
        lock (_gate)
        {
            var before = _known.Count;
            foreach (var (name, path) in found)
                if (Acceptable(name, path)) _known[name] = path;
            if (_known.Count == before) return;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                var temp = _file + "." + Environment.ProcessId + ".tmp";
                File.WriteAllLines(temp, _known.Select(kv => kv.Key + "\t" + kv.Value));
                File.Move(temp, _file, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>A plain file name, and an absolute path to that name inside the TeX installation (no ".."), or "" (not found).</summary>
    internal static bool Acceptable(string name, string path) =>
        name.Length > 0 && name.IndexOfAny(['/', '\0', '\t', '\n', '\r']) < 0 && (path.Length == 0 || Path.IsPathFullyQualified(path) && Path.GetFileName(path) == name &&
        !path.Contains("/../", StringComparison.Ordinal) && !path.Contains("/./", StringComparison.Ordinal) &&
        Roots.Any(r => path.StartsWith(r, StringComparison.Ordinal)));
}
