using Bookish.Security;
using Bookish.Toolchain;

namespace Bookish.Python;

/// <summary>
/// Matplotlib scans the system's fonts once and caches the list (several seconds here). Bookish builds that list once,
/// in a sandboxed Python that runs no document code, keeps it under its cache folder, and copies it into each run's
/// private configuration folder, so a cell's first plot does not pay for the scan. The list also holds Latin Modern
/// Roman (Debian's <c>fonts-lmodern</c>, the PDF's body font, which lives outside the folders matplotlib scans), so
/// figures in the PDF are lettered like the text around them.
/// </summary>
internal static class MatplotlibFontCache
{
    /// <summary>Changes when what the list holds changes (a new folder: lists made by older versions are left alone).</summary>
    public const string Version = "2";

    private static string Folder => Path.Combine(TexSandbox.CacheRoot, "matplotlib-" + Version);

    /// <summary>Latin Modern Roman at its 10 pt design size, the one LaTeX's lmodern uses for 10–11 pt text.</summary>
    internal const string LatinModernFolder = "/usr/share/texmf/fonts/opentype/public/lm";

    /// <summary>Builds matplotlib's font list, adds the four Latin Modern Roman faces, and writes the list where matplotlib reads it.</summary>
    private const string BuildScript = """
        import os, matplotlib, matplotlib.font_manager as fm
        lm = os.environ["BOOKISH_LM"]
        for face in ("regular", "italic", "bold", "bolditalic"):
            path = os.path.join(lm, "lmroman10-%s.otf" % face)
            if os.path.exists(path):
                fm.fontManager.addfont(path)
        fm.json_dump(fm.fontManager, os.path.join(matplotlib.get_cachedir(), "fontlist-v%s.json" % fm.FontManager.__version__))
        """;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task CopyIntoAsync(string configFolder, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            if (!Directory.Exists(Folder) || !Directory.EnumerateFiles(Folder, "fontlist-*.json").Any()) await BuildAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
        if (!Directory.Exists(Folder)) return;
        foreach (var file in Directory.EnumerateFiles(Folder, "fontlist-*.json"))
            File.Copy(file, Path.Combine(configFolder, Path.GetFileName(file)), true);
    }

    private static async Task BuildAsync(CancellationToken ct)
    {
        var work = TempFolders.Create("mplfonts");
        try
        {
            var config = Path.Combine(work, "mpl");
            Directory.CreateDirectory(config);
            var variables = PythonRunner.Variables(config);
            variables["BOOKISH_LM"] = LatinModernFolder;
            var r = await PythonRunner.OnOwnThread(() => TexSandbox.RunAsync(PythonEnvironment.Interpreter, ["-E", "-s", "-c", BuildScript], work, TimeSpan.FromMinutes(2),
                variables, PythonRunner.SystemReadOnly, ct));
            if (r.ExitCode != 0) return; // cells then build the list themselves (slower, same result)
            Directory.CreateDirectory(Folder);
            foreach (var file in Directory.EnumerateFiles(config, "fontlist-*.json"))
            {
                var temp = Path.Combine(Folder, Path.GetFileName(file) + ".tmp-" + Environment.ProcessId);
                File.Copy(file, temp, true);
                File.Move(temp, Path.Combine(Folder, Path.GetFileName(file)), true);
            }
        }
        finally
        {
            TempFolders.DeleteLater(work);
        }
    }
}
