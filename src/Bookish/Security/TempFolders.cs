using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Bookish.Security;

/// <summary>
/// Bookish's temporary and staging folders carry the owner's process id in their names
/// (<c>bookish-tex-&lt;pid&gt;-&lt;random&gt;</c>, <c>.out.staging-&lt;pid&gt;-&lt;random&gt;</c>), so that a later build can tell the
/// folders of a killed build (owner gone, or the id now belongs to a younger process) from those of a running one and
/// remove them. Deletions started in the background are awaited before a build returns.
/// </summary>
internal static partial class TempFolders
{
    private static readonly ConcurrentDictionary<Task, byte> Pending = new();

    /// <summary>
    /// Where the temporary folders go: <c>$TMPDIR</c> when it is set; otherwise Linux's shared-memory file system
    /// <c>/dev/shm</c> when it is a tmpfs with at least 1 GiB free (a build creates and deletes hundreds of small files —
    /// one per equation — and on a disk's file system that churn cost the paper's cold build about a tenth of its time);
    /// otherwise the system's temporary folder. Containers often give <c>/dev/shm</c> only 64 MiB: then it is not used.
    /// </summary>
    public static string Root => RootFolder.Value;

    private static readonly Lazy<string> RootFolder = new(ChooseRoot);

    private static string ChooseRoot()
    {
        if (Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 } || !OperatingSystem.IsLinux()) return Path.GetTempPath();
        try
        {
            var shm = new DriveInfo("/dev/shm");
            if (shm.DriveFormat == "tmpfs" && shm.AvailableFreeSpace >= 1L << 30 && new DirectoryInfo("/dev/shm").LinkTarget is null)
            {
                var probe = Path.Combine("/dev/shm", $"bookish-probe-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
                Directory.CreateDirectory(probe);
                Directory.Delete(probe);
                return "/dev/shm/";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { }
        return Path.GetTempPath();
    }

    /// <summary>A new folder <c>bookish-&lt;kind&gt;-&lt;pid&gt;-&lt;random&gt;</c> in <see cref="Root"/>.</summary>
    public static string Create(string kind)
    {
        var path = Path.Combine(Root, $"bookish-{kind}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The name of a staging or old-output folder beside <paramref name="output"/>.</summary>
    public static string Beside(string output, string kind) =>
        Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.{kind}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");

    /// <summary>Deletes a folder (best effort), on a background thread the build awaits before it returns.</summary>
    public static void DeleteLater(string path)
    {
        var task = Task.Run(() => Delete(path));
        Pending.TryAdd(task, 0);
        task.ContinueWith(t => Pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for the deletions started so far.</summary>
    public static Task SettleAsync() => Task.WhenAll(Pending.Keys.ToArray());

    public static void Delete(string path)
    {
        try
        {
            if (new DirectoryInfo(path).LinkTarget is not null) File.Delete(path);
            else if (Directory.Exists(path)) Directory.Delete(path, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"^bookish-[a-z]+-(\d+)-[0-9a-f]{12}$")] private static partial Regex TempName();

    /// <summary>Removes temporary folders of Bookish processes that are gone; returns how many.</summary>
    public static int SweepTemp() => Sweep(Root, TempName());

    /// <summary>Removes staging and old-output folders beside <paramref name="output"/> left by builds that are gone.</summary>
    public static int SweepBeside(string output)
    {
        var parent = Path.GetDirectoryName(output);
        if (parent is null || !Directory.Exists(parent)) return 0;
        var pattern = new Regex("^" + Regex.Escape("." + Path.GetFileName(output)) + @"\.(staging|old)-(\d+)-[0-9a-f]{12}$");
        return Sweep(parent, pattern);
    }

    private static int Sweep(string folder, Regex pattern)
    {
        var removed = 0;
        IEnumerable<string> entries;
        try { entries = Directory.EnumerateDirectories(folder).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
        foreach (var path in entries)
        {
            var m = pattern.Match(Path.GetFileName(path));
            if (!m.Success || !int.TryParse(m.Groups[m.Groups.Count - 1].Value, out var pid)) continue;
            if (pid == Environment.ProcessId || IsOwnerAlive(pid, path)) continue;
            Delete(path);
            removed++;
        }
        return removed;
    }

    /// <summary>The process <paramref name="pid"/> runs and is older than the folder (a recycled id belongs to a younger process).</summary>
    private static bool IsOwnerAlive(int pid, string folder)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            var made = Directory.GetLastWriteTimeUtc(folder);
            return process.StartTime.ToUniversalTime() <= made.AddSeconds(2);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }
}
