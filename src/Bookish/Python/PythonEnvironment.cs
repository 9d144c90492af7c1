using System.Security.Cryptography;
using System.Text;
using Bookish.Toolchain;

namespace Bookish.Python;

/// <summary>
/// Debian's Python: the interpreter Bookish runs cells with (never a pyenv or virtualenv shim on PATH), the packages
/// cells may use, and a fingerprint of both for the freeze cache, read from the file system without starting Python.
/// </summary>
internal static class PythonEnvironment
{
    public const string Interpreter = "/usr/bin/python3";
    public const string DistPackages = "/usr/lib/python3/dist-packages";

    /// <summary>What an executing build needs: the interpreter and the four libraries, with their Debian packages.</summary>
    private static readonly (string Path, string Package)[] Required =
    [
        (Interpreter, "python3"),
        (DistPackages + "/numpy", "python3-numpy"),
        (DistPackages + "/matplotlib", "python3-matplotlib"),
        (DistPackages + "/pandas", "python3-pandas"),
        (DistPackages + "/sklearn", "python3-sklearn"),
    ];

    /// <summary>Throws <see cref="ToolMissingException"/> (exit 3) naming the exact apt-get line when a part is missing.</summary>
    public static void EnsureInstalled()
    {
        var missing = Required.Where(r => !File.Exists(r.Path) && !Directory.Exists(r.Path)).Select(r => r.Package).ToList();
        if (missing.Count > 0) throw new ToolMissingException("python3 (for --execute)", string.Join(" ", missing));
    }

    /// <summary>The Debian package of a module a cell could not import, as an install line.</summary>
    public static string InstallHint(string module)
    {
        var top = module.Split('.')[0];
        var package = top switch
        {
            "sklearn" => "python3-sklearn",
            "yaml" => "python3-yaml",
            "PIL" => "python3-pil",
            "cv2" => "python3-opencv",
            "bs4" => "python3-bs4",
            _ => "python3-" + top.ToLowerInvariant().Replace('_', '-'),
        };
        return $"install it with: apt-get install -y {package} (or: pip install {top})";
    }

    /// <summary>True when a module name is importable from Debian's Python (standard library or dist-packages), judged by files.</summary>
    public static bool HasModule(string module)
    {
        var top = module.Split('.')[0];
        if (top.Length == 0 || top.Contains('/')) return false;
        var dirs = new List<string> { DistPackages };
        if (Directory.Exists("/usr/lib")) dirs.AddRange(Directory.GetDirectories("/usr/lib", "python3.*"));
        foreach (var d in dirs)
            if (Directory.Exists(Path.Combine(d, top)) || File.Exists(Path.Combine(d, top + ".py"))
                || Directory.Exists(d) && Directory.EnumerateFiles(d, top + ".*.so").Any()
                || Directory.Exists(Path.Combine(d, "lib-dynload")) && Directory.EnumerateFiles(Path.Combine(d, "lib-dynload"), top + ".*.so").Any())
                return true;
        return false;
    }

    private static readonly Lazy<string> _fingerprint = new(Compute);

    /// <summary>
    /// The interpreter's real file (name, size, time) and every package's version folder in dist-packages: a Debian
    /// upgrade of Python or of any library changes it, and so every cache key.
    /// </summary>
    public static string Fingerprint => _fingerprint.Value;

    private static string Compute()
    {
        var text = new StringBuilder("bookish-python-2\n");
        if (File.Exists(Interpreter))
        {
            var real = new FileInfo(Interpreter).ResolveLinkTarget(true) as FileInfo ?? new FileInfo(Interpreter);
            text.Append(real.FullName).Append(' ').Append(real.Length).Append(' ').Append(real.LastWriteTimeUtc.Ticks).Append('\n');
        }
        if (Directory.Exists(DistPackages))
            foreach (var d in Directory.EnumerateFileSystemEntries(DistPackages).Select(Path.GetFileName).Where(n => n!.EndsWith(".egg-info") || n.EndsWith(".dist-info")).Order(StringComparer.Ordinal))
                text.Append(d).Append('\n');
        text.Append(DriverSource.Text).Append(PythonRunner.MatplotlibRc).Append(MatplotlibFontCache.Version);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }
}

/// <summary>The driver script (embedded): read once.</summary>
internal static class DriverSource
{
    private static readonly Lazy<string> _text = new(() =>
    {
        using var stream = typeof(DriverSource).Assembly.GetManifestResourceStream("Bookish.Python.driver.py")
            ?? throw new InvalidOperationException("driver.py is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Text => _text.Value;
}
