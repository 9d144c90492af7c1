namespace Bookish.Toolchain;

/// <summary>
/// The one way Bookish starts a program that reads document-derived input (pdfTeX for equation batches, the format
/// dump and the PDF, kpsewhich with font names from a DVI file, dvisvgm, mutool). Every such run gets a scrubbed
/// environment (PATH, HOME and TeX variables pointing at Bookish's own cache; never the caller's variables) and runs
/// under bubblewrap: the TeX installation read-only, a private /tmp and /proc, no network, new namespaces, and only its
/// work directory writable. Without a working sandbox the run is refused (<see cref="SandboxUnavailableException"/>)
/// unless the user asked for <c>--unsafe-no-sandbox</c> (or <c>BOOKISH_UNSAFE_NO_SANDBOX=1</c>).
/// </summary>
internal static class TexSandbox
{
    /// <summary>True when documents may run unsandboxed (still with a scrubbed environment).</summary>
    public static bool Unsafe { get; set; } = Environment.GetEnvironmentVariable("BOOKISH_UNSAFE_NO_SANDBOX") == "1";

    /// <summary><c>$XDG_CACHE_HOME/bookish</c>, else <c>~/.cache/bookish</c>.</summary>
    public static string CacheRoot => Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x ? x
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "bookish");

    /// <summary>TeX's own variable tree (TEXMFVAR, TEXMFCONFIG, TEXMFHOME, TEXMFCACHE): read-only inside the sandbox.</summary>
    public static string TexmfDirectory => Path.Combine(CacheRoot, "texmf");

    /// <summary>Places TeX reads besides /usr, when they exist: Debian's configuration and file databases, a TUG TeX Live.</summary>
    private static readonly string[] TexInstallation = ["/etc/texmf", "/var/lib/texmf", "/usr/local/texlive", "/opt/texlive"];

    /// <summary>The environment of every sandboxed program: nothing inherited.</summary>
    public static IReadOnlyDictionary<string, string?> Variables(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var texmf = TexmfDirectory;
        var v = new Dictionary<string, string?>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = "/tmp",
            ["TEXMFVAR"] = texmf,
            ["TEXMFCONFIG"] = texmf,
            ["TEXMFHOME"] = texmf,
            ["TEXMFCACHE"] = texmf,
            ["openin_any"] = "p",
            ["openout_any"] = "p",
            ["shell_escape"] = "f",
            ["max_print_line"] = "10000",
            ["error_line"] = "254",
            ["half_error_line"] = "238",
            // TeX allocates and touches tens of megabytes for its arrays and the format: with transparent huge pages
            // (glibc 2.35+; ignored elsewhere) that costs a few hundred page faults instead of thousands (~65 ms a run here).
            ["GLIBC_TUNABLES"] = "glibc.malloc.hugetlb=1",
        };
        foreach (var (k, value) in extra ?? new Dictionary<string, string?>()) v[k] = value;
        return v;
    }

    /// <summary>
    /// Runs <paramref name="tool"/> in <paramref name="workDirectory"/> (bound read-write) with <paramref name="readOnly"/>
    /// folders visible read-only (e.g. Bookish's formats) and nothing else of the machine but the TeX installation.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(string tool, IEnumerable<string> arguments, string workDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? variables = null, IReadOnlyList<string>? readOnly = null, CancellationToken cancellationToken = default,
        bool lineBuffered = false, ProcessOptions? options = null)
    {
        var env = Variables(variables);
        Directory.CreateDirectory(TexmfDirectory);
        if (Unsafe)
            return await ProcessRunner.RunAsync(tool, arguments, workDirectory, timeout, env, cancellationToken, lineBuffered,
                (options ?? new ProcessOptions()) with { ClearEnvironment = true });
        // A missing TeX names its own package first; then the sandbox must be there.
        var exe = ProcessRunner.Find(tool);
        await EnsureAvailableAsync(cancellationToken);
        var command = new List<string>(CommonArguments());
        foreach (var (k, v) in env) if (v is not null) command.AddRange(["--setenv", k, v]);
        var work = Path.GetFullPath(workDirectory);
        command.AddRange(["--ro-bind-try", TexmfDirectory, TexmfDirectory]);
        foreach (var dir in readOnly ?? []) command.AddRange(["--ro-bind-try", dir, dir]);
        command.AddRange(["--bind", work, work, "--chdir", work, "--"]);
        if (lineBuffered && ProcessRunner.Exists("stdbuf")) command.AddRange([ProcessRunner.Find("stdbuf"), "-oL"]);
        command.Add(exe);
        command.AddRange(arguments);
        return await OnOwnThread(() => ProcessRunner.RunAsync("bwrap", command, work, timeout, null, cancellationToken, false,
            (options ?? new ProcessOptions()) with { ClearEnvironment = true }));
    }

    /// <summary>
    /// bubblewrap's <c>--die-with-parent</c> is Linux's parent-death signal, which follows the thread that started the
    /// process, not the process: a pool thread that retires while a long PDF run goes on would kill it. Every sandboxed
    /// run is therefore started (CliWrap starts the process synchronously) from a thread of its own that waits for it.
    /// </summary>
    internal static Task<T> OnOwnThread<T>(Func<Task<T>> run) =>
        Task.Factory.StartNew(() => run().GetAwaiter().GetResult(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// The fixed part of every bwrap command line: /usr and the TeX installation read-only, a fresh /dev, /proc and
    /// /tmp, all namespaces new (no network), the environment cleared, killed with Bookish.
    /// </summary>
    private static IEnumerable<string> CommonArguments()
    {
        yield return "--ro-bind"; yield return "/usr"; yield return "/usr";
        foreach (var dir in TexInstallation) { yield return "--ro-bind-try"; yield return dir; yield return dir; }
        foreach (var link in new[] { "lib", "lib64", "bin", "sbin" })
            if (new DirectoryInfo("/" + link).LinkTarget is { } target)
            {
                yield return "--symlink"; yield return target; yield return "/" + link;
            }
        // glibc reads the transparent-huge-page setting here for GLIBC_TUNABLES=glibc.malloc.hugetlb=1: without it TeX
        // takes thousands more page faults (a batch of the paper's equations 0.25 s instead of 0.15 s). Read-only, settings only.
        yield return "--ro-bind-try"; yield return "/sys/kernel/mm/transparent_hugepage"; yield return "/sys/kernel/mm/transparent_hugepage";
        yield return "--proc"; yield return "/proc";
        yield return "--dev"; yield return "/dev";
        yield return "--tmpfs"; yield return "/tmp";
        yield return "--unshare-all";
        yield return "--new-session";
        yield return "--die-with-parent";
        yield return "--clearenv";
    }

    private static readonly Lazy<Task<string?>> _probe = new(ProbeAsync);

    /// <summary>Throws <see cref="SandboxUnavailableException"/> unless bwrap is installed and can create its namespaces here.</summary>
    public static async Task EnsureAvailableAsync(CancellationToken cancellationToken = default)
    {
        if (!ProcessRunner.Exists("bwrap"))
            throw new SandboxUnavailableException($"'bwrap' was not found on PATH; install it with: apt-get install -y {DebianPackages.For("bwrap")}");
        if (await _probe.Value is { } problem) throw new SandboxUnavailableException(problem);
    }

    private static async Task<string?> ProbeAsync()
    {
        var work = Security.TempFolders.Create("probe");
        try
        {
            var r = await ProcessRunner.RunAsync("bwrap", [.. CommonArguments(), "--", ProcessRunner.Find("true")], work, TimeSpan.FromSeconds(20),
                null, default, false, new ProcessOptions { ClearEnvironment = true });
            return r.ExitCode == 0 ? null : "bwrap cannot create its namespaces here: " + (r.StandardError.Trim() is { Length: > 0 } e ? e : $"exit code {r.ExitCode}");
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }
}

/// <summary>The sandbox every TeX run needs cannot be had: the environment is wrong (exit code 3), unless <c>--unsafe-no-sandbox</c>.</summary>
internal sealed class SandboxUnavailableException(string problem)
    : Exception($"{problem}. Bookish runs TeX on documents only inside the bubblewrap sandbox; pass --unsafe-no-sandbox to run TeX without it on documents you trust");
