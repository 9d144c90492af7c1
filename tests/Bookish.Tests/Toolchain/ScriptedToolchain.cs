using Bookish.Toolchain;

namespace Bookish.Tests.Toolchain;

/// <summary>What one scripted program run does: files it writes into its work directory, lines it prints, its exit code, or hanging until stopped.</summary>
public sealed record ScriptedRun(int ExitCode = 0)
{
    /// <summary>Files written into the invocation's work directory before it "ends" (name → text).</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
    /// <summary>Standard output, line by line (each line also goes to the invocation's watcher as it is "printed").</summary>
    public IReadOnlyList<string> Output { get; init; } = [];
    /// <summary>Prints its output, then makes no progress until its watchdog, its timeout or the caller stops it.</summary>
    public bool Hangs { get; init; }
}

/// <summary>
/// The fake at the process seam: each program answers from a script (a function of the invocation and how many times
/// that program ran before), and every invocation is recorded. A program with no script is missing, as on a machine
/// without it. Its <see cref="Identity"/> is unique, so TeX formats it "dumps" never meet the real ones; disposing it
/// removes them from the format folder.
/// </summary>
public sealed class ScriptedToolchain : IToolchain, IDisposable
{
    private readonly Dictionary<string, Func<ToolInvocation, int, ScriptedRun>> _scripts = new(StringComparer.Ordinal);
    private readonly List<ToolInvocation> _calls = [];

    public string Identity { get; } = "scripted-" + Guid.NewGuid().ToString("N");

    public ScriptedToolchain On(string tool, Func<ToolInvocation, int, ScriptedRun> respond)
    {
        _scripts[tool] = respond;
        return this;
    }

    public IReadOnlyList<ToolInvocation> Calls { get { lock (_calls) return _calls.ToList(); } }

    public IReadOnlyList<ToolInvocation> CallsOf(string tool) => Calls.Where(c => c.Tool == tool).ToList();

    /// <summary>When each run that hung started and was stopped (in the order they ended).</summary>
    public IReadOnlyList<(DateTime Start, DateTime End)> Hangs { get { lock (_hangs) return _hangs.ToList(); } }

    private readonly List<(DateTime Start, DateTime End)> _hangs = [];

    public async Task<ProcessResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken = default)
    {
        int count;
        lock (_calls)
        {
            count = _calls.Count(c => c.Tool == invocation.Tool);
            _calls.Add(invocation);
        }
        if (!_scripts.TryGetValue(invocation.Tool, out var script)) throw new ToolMissingException(invocation.Tool, DebianPackages.For(invocation.Tool));
        var run = script(invocation, count);
        foreach (var (name, text) in run.Files)
        {
            var path = Path.Combine(invocation.WorkDirectory, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text, cancellationToken);
        }
        foreach (var line in run.Output) invocation.OnOutputLine?.Invoke(line);
        var printed = string.Join("\n", run.Output);
        if (!run.Hangs) return new ProcessResult(run.ExitCode, printed, "", false, TimeSpan.Zero);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var start = DateTime.UtcNow;
        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(invocation.Stop, cancellationToken);
        try { await Task.Delay(invocation.Timeout, stopped.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
        lock (_hangs) _hangs.Add((start, DateTime.UtcNow));
        return new ProcessResult(-1, printed, "", true, watch.Elapsed);
    }

    /// <summary>Forgets every format a scripted <c>pdftex -ini</c> dumped.</summary>
    public void Dispose()
    {
        foreach (var call in CallsOf("pdftex").Where(c => c.Arguments.Contains("-ini")))
            if (call.Arguments.FirstOrDefault(a => a.StartsWith("-jobname=", StringComparison.Ordinal)) is { } job)
                Bookish.Equations.TexFormat.Discard(job["-jobname=".Length..]);
    }
}
