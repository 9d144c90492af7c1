using Bookish.Security;
using Bookish.Toolchain;

namespace Bookish.Python;

/// <summary>
/// Matplotlib scans the system's fonts once and caches the list (several seconds here). Bookish builds that list once,
/// in a sandboxed Python that runs no document code, keeps it under its cache folder, and copies it into each run's
/// private configuration folder, so a cell's first plot does not pay for the scan.
/// </summary>
internal static class MatplotlibFontCache
{
    private static string Folder => Path.Combine(TexSandbox.CacheRoot, "matplotlib");
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
            var r = await PythonRunner.OnOwnThread(() => TexSandbox.RunAsync(PythonEnvironment.Interpreter, ["-E", "-s", "-c", "import matplotlib.font_manager"], work, TimeSpan.FromMinutes(2),
                PythonRunner.Variables(config), PythonRunner.SystemReadOnly, ct));
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
