using System.Collections.Concurrent;
using System.IO.Compression;
using Bookish.Toolchain;

namespace Bookish.Equations;

/// <summary>
/// A TeX format with the equation renderer's document class and packages already loaded (what <c>fmtutil</c> does for
/// plain LaTeX, for our preamble): each batch then starts typesetting at once instead of reading LaTeX, amsmath and
/// friends again. The format is stored uncompressed, because on small machines inflating the 18 MB LaTeX format
/// costs more than reading it. It is toolchain state, not an equation cache: it is keyed by the preamble text, the
/// pdfTeX binary and TeX Live's file databases (so a package update makes a new one), built once per machine (about
/// half a second) under <see cref="Directory"/>, written atomically, and not affected by <c>--no-cache</c>. If it
/// cannot be built, batches run from the system format as before.
/// </summary>
internal static class TexFormat
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Building = new(StringComparer.Ordinal);

    /// <summary>Where formats live: <c>$BOOKISH_FORMAT_DIR</c>, else <c>$XDG_CACHE_HOME/bookish/formats</c>, else <c>~/.cache/bookish/formats</c>.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("BOOKISH_FORMAT_DIR") is { Length: > 0 } d ? d
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "bookish", "formats");

    /// <summary>False when <c>BOOKISH_NO_FORMAT</c> is set: every batch then loads the preamble itself (for comparison).</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable("BOOKISH_NO_FORMAT") is null;

    /// <summary>The format name (for <c>-fmt</c>, found through TEXFORMATS=<see cref="Directory"/>) for this preamble, built on first use; null if it cannot be had.</summary>
    public static Task<string?> GetAsync(string preamble, TimeSpan timeout, CancellationToken ct) => GetAsync(CliToolchain.Shared, preamble, timeout, ct);

    /// <inheritdoc cref="GetAsync(string, TimeSpan, CancellationToken)"/>
    public static Task<string?> GetAsync(IToolchain toolchain, string preamble, TimeSpan timeout, CancellationToken ct)
    {
        if (!Enabled) return Task.FromResult<string?>(null);
        var identity = toolchain.Identity;
        if (identity == "no-tex") return Task.FromResult<string?>(null);
        var key = Keys.GetOrAdd((identity, preamble), k => ComputeKey(k.Identity, k.Preamble));
        var path = Path.Combine(Directory, key + ".fmt");
        if (File.Exists(path)) return Task.FromResult<string?>(key);
        return Building.GetOrAdd(key, k => new Lazy<Task<string?>>(() => BuildAsync(toolchain, k, preamble, timeout, ct))).Value;
    }

    /// <summary>Forgets a format TeX refused (a different pdfTeX, a damaged file), so the next build makes it again.</summary>
    public static void Discard(string name)
    {
        Building.TryRemove(name, out _);
        try { File.Delete(Path.Combine(Directory, name + ".fmt")); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static readonly ConcurrentDictionary<(string Identity, string Preamble), string> Keys = new();

    private static readonly string[] FileDatabases =
        ["/var/lib/texmf/ls-R-TEXLIVEDIST", "/var/lib/texmf/ls-R", "/usr/share/texlive/texmf-dist/ls-R", "/usr/local/texlive/texmf-dist/ls-R"];

    private static string ComputeKey(string identity, string preamble) => "bookish-" + Hash($"bookish-format-v1\0{identity}\0{preamble}")[..24];

    private static readonly Lazy<string> Toolchain = new(() =>
    {
        try
        {
            var binary = new FileInfo(ProcessRunner.Find("pdftex"));
            var resolved = binary.ResolveLinkTarget(true) as FileInfo ?? binary;
            // The file databases TeX Live rewrites whenever a package is installed or updated (Debian's, then TeX Live's
            // own layout): a newer amsmath counts as a new toolchain even when pdfTeX itself did not change.
            var databases = string.Join("\0", FileDatabases.Select(p => new FileInfo(p)).Where(f => f.Exists).Select(f => $"{f.FullName}:{f.LastWriteTimeUtc.Ticks}"));
            return Hash($"{resolved.FullName}\0{resolved.Length}\0{resolved.LastWriteTimeUtc.Ticks}\0{databases}");
        }
        catch (ToolMissingException)
        {
            return "no-tex";
        }
    });

    /// <summary>
    /// Which TeX installation this is: the pdfTeX binary and the dates of TeX Live's file databases. Part of every
    /// format's and every cached equation's key, so an update of TeX or of a package renders afresh.
    /// </summary>
    public static string ToolchainIdentity => Toolchain.Value;

    /// <summary>FNV-1a, twice with different offsets: a name, not a secret, and no cryptography library to load before the first TeX run.</summary>
    private static string Hash(string text)
    {
        ulong a = 14695981039346656037, b = 1099511628211 * 31;
        foreach (var c in text)
        {
            a = (a ^ c) * 1099511628211;
            b = (b ^ c) * 1099511628211 + 7;
        }
        return $"{a:x16}{b:x16}";
    }

    private static async Task<string?> BuildAsync(IToolchain toolchain, string key, string preamble, TimeSpan timeout, CancellationToken ct)
    {
        var work = Security.TempFolders.Create("fmt");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work, "format.tex"), preamble + "\\dump\n", ct);
            // The dump runs sandboxed like every TeX run; Bookish itself moves the format into place.
            var run = await toolchain.RunAsync(ToolInvocation.Tex("pdftex", work, timeout, "-ini", "-jobname=" + key, "&pdflatex", "format.tex"), ct);
            var built = Path.Combine(work, key + ".fmt");
            if (run.ExitCode != 0 || !File.Exists(built)) return null;
            System.IO.Directory.CreateDirectory(Directory);
            var target = Path.Combine(Directory, key + ".fmt");
            var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await using (var input = File.OpenRead(built))
            {
                var header = new byte[2];
                await input.ReadExactlyAsync(header, ct);
                input.Position = 0;
                await using var output = File.Create(temp);
                if (header[0] == 0x1f && header[1] == 0x8b)
                {
                    await using var gz = new GZipStream(input, CompressionMode.Decompress);
                    await gz.CopyToAsync(output, ct);
                }
                else await input.CopyToAsync(output, ct);
            }
            File.Move(temp, target, overwrite: true);
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ToolMissingException)
        {
            return null;
        }
        finally
        {
            try { System.IO.Directory.Delete(work, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>The variables the equation renderer's TeX runs add to the sandbox's scrubbed environment.</summary>
internal static class TexEnvironment
{
    /// <summary>TEXFORMATS so <c>-fmt</c> finds Bookish's own formats before the system's.</summary>
    public static IReadOnlyDictionary<string, string?> WithFormats() =>
        new Dictionary<string, string?> { ["TEXFORMATS"] = TexFormat.Directory + ":" };
}
