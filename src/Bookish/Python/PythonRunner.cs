using System.Text;
using System.Text.Json;
using Bookish.Security;
using Bookish.Toolchain;

namespace Bookish.Python;

/// <summary>
/// Runs one document's cells in one Python process inside the sandbox TeX uses (bubblewrap: no network, a scrubbed
/// environment, /usr read-only, a private /tmp) whose only writable folder is a private copy of the document's folder,
/// deleted afterwards. Requests go in order over standard input; replies come back one JSON line each. A cell that
/// outlives its timeout is stopped by the driver (SIGALRM) and, failing that, by killing the process; the document's
/// budget bounds the whole run. Cells with no reply were not run.
/// </summary>
internal static class PythonRunner
{
    /// <summary>Files of the document's folder copied for the cells: at most this many bytes in all.</summary>
    private const long CopyBudget = 200L * 1024 * 1024;

    /// <summary>What the driver needs beyond /usr: the BLAS/LAPACK alternatives and the loader cache.</summary>
    internal static readonly string[] SystemReadOnly = ["/etc/alternatives", "/etc/ld.so.cache", "/etc/matplotlibrc"];

    public sealed record Outcome(IReadOnlyDictionary<int, PythonReply> Replies, bool TimedOut, string Stderr, TimeSpan Elapsed);

    public static async Task<Outcome> RunAsync(IReadOnlyList<PythonRequest> requests, string documentFolder, string? skipFolder,
        TimeSpan cellTimeout, TimeSpan documentTimeout, CancellationToken ct)
    {
        var work = TempFolders.Create("python");
        try
        {
            var project = Path.Combine(work, "project");
            CopyFolder(documentFolder, project, skipFolder);
            var mpl = Path.Combine(project, ".bookish-mpl");
            Directory.CreateDirectory(mpl);
            await File.WriteAllTextAsync(Path.Combine(mpl, "matplotlibrc"), MatplotlibRc, ct);
            await MatplotlibFontCache.CopyIntoAsync(mpl, ct);
            var input = new StringBuilder();
            foreach (var r in requests) input.Append(JsonSerializer.Serialize(r, PythonJson.Default.PythonRequest)).Append('\n');
            var replies = new Dictionary<int, PythonReply>();
            using var stall = new CancellationTokenSource(cellTimeout + TimeSpan.FromSeconds(10));
            var options = new ProcessOptions
            {
                StandardInput = input.ToString(),
                Stop = stall.Token,
                OnOutputLine = line =>
                {
                    // Each reply restarts the watchdog: the next cell gets its own time.
                    stall.CancelAfter(cellTimeout + TimeSpan.FromSeconds(10));
                    try
                    {
                        if (JsonSerializer.Deserialize(line, PythonJson.Default.PythonReply) is { } reply)
                            lock (replies) replies[reply.Id] = reply;
                    }
                    catch (JsonException) { }
                },
            };
            var result = await OnOwnThread(() => TexSandbox.RunAsync(PythonEnvironment.Interpreter, ["-E", "-s", "-c", DriverSource.Text], project, documentTimeout,
                Variables(mpl), SystemReadOnly, ct, options: options));
            lock (replies) return new Outcome(new Dictionary<int, PythonReply>(replies), result.TimedOut, result.StandardError, result.Duration);
        }
        finally
        {
            TempFolders.DeleteLater(work);
        }
    }

    /// <summary>Python runs last seconds: started from a thread of their own (see <see cref="TexSandbox.OnOwnThread{T}"/>).</summary>
    internal static Task<T> OnOwnThread<T>(Func<Task<T>> run) => TexSandbox.OnOwnThread(run);

    internal static Dictionary<string, string?> Variables(string mplConfig) => new()
    {
        ["MPLCONFIGDIR"] = mplConfig,
        ["MPLBACKEND"] = "Agg",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["PYTHONHASHSEED"] = "0",
        ["PYTHONIOENCODING"] = "utf-8",
        ["LANG"] = "C.UTF-8",
        ["OPENBLAS_NUM_THREADS"] = "1",
        ["OMP_NUM_THREADS"] = "1",
    };

    /// <summary>
    /// Matplotlib for a page: no display, text in SVG kept as text (the page's font applies), no background. Text is set
    /// in the PDF's body font, Latin Modern Roman (registered by <see cref="MatplotlibFontCache"/>; DejaVu Serif when it
    /// is missing), math in the same letters with STIX for the symbols Latin Modern Roman lacks (Unicode glyphs, so the
    /// page's SVG text stays readable; matplotlib's Computer Modern fallback would write private code points there).
    /// </summary>
    internal const string MatplotlibRc = """
        backend: Agg
        svg.fonttype: none
        svg.hashsalt: bookish
        font.family: serif
        font.serif: Latin Modern Roman, DejaVu Serif
        mathtext.fontset: custom
        mathtext.rm: Latin Modern Roman
        mathtext.it: Latin Modern Roman:italic
        mathtext.bf: Latin Modern Roman:bold
        mathtext.fallback: stix
        savefig.transparent: True
        pdf.fonttype: 42
        figure.figsize: 6.0, 4.0
        figure.dpi: 100
        """;

    /// <summary>
    /// A copy of the document's folder: regular files only (links are not followed), no hidden folders, not the output
    /// folder, at most <see cref="CopyBudget"/> bytes. What cells write there is discarded with the copy.
    /// </summary>
    internal static void CopyFolder(string from, string to, string? skip)
    {
        Directory.CreateDirectory(to);
        long budget = CopyBudget;
        var skipFull = skip is null ? null : Path.GetFullPath(skip).TrimEnd('/');
        void Copy(DirectoryInfo dir, string target, int depth)
        {
            if (depth > 12) return;
            foreach (var entry in dir.EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null || entry.Name.StartsWith('.')) continue;
                if (skipFull is not null && entry.FullName.TrimEnd('/') == skipFull) continue;
                if (entry is DirectoryInfo sub)
                {
                    var dest = Path.Combine(target, sub.Name);
                    Directory.CreateDirectory(dest);
                    Copy(sub, dest, depth + 1);
                }
                else if (entry is FileInfo file && file.Length <= budget)
                {
                    budget -= file.Length;
                    file.CopyTo(Path.Combine(target, file.Name));
                }
            }
        }
        if (Directory.Exists(from)) Copy(new DirectoryInfo(from), to, 0);
    }
}
