using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Bookish.Toolchain;

/// <summary>
/// Runs external programs through CliWrap with a timeout and a working directory: the engine under
/// <see cref="CliToolchain"/>. Library code goes through <see cref="IToolchain"/>, not here.
/// </summary>
internal static class ProcessRunner
{
    public static string Find(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        throw new ToolMissingException(tool, DebianPackages.For(tool));
    }

    public static bool Exists(string tool)
    {
        try { Find(tool); return true; } catch (ToolMissingException) { return false; }
    }

    /// <summary>
    /// Runs <paramref name="tool"/>; a timeout kills it and returns what it printed so far (TimedOut = true).
    /// Cancellation by the caller propagates as <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(string tool, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default,
        bool lineBuffered = false, ProcessOptions? options = null)
    {
        var exe = Find(tool);
        if (lineBuffered && Exists("stdbuf"))
        {
            // Line-buffered stdout: what a killed process printed last is not lost in its stdio buffer.
            arguments = ["-oL", exe, .. arguments];
            exe = Find("stdbuf");
        }
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var timeoutCts = new CancellationTokenSource(timeout);
        var stop = options?.Stop ?? CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutCts.Token, cancellationToken, stop);
        var variables = new Dictionary<string, string?>();
        if (options?.ClearEnvironment == true)
            foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()) variables[name] = null;
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>()) variables[k] = v;
        var output = PipeTarget.ToStringBuilder(stdout);
        if (options?.OnOutputLine is { } onLine) output = PipeTarget.Merge(output, PipeTarget.ToDelegate(onLine));
        var command = Cli.Wrap(exe)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(variables)
            .WithStandardInputPipe(options?.StandardInput is { } input ? PipeSource.FromString(input) : PipeSource.Null)
            .WithStandardOutputPipe(output)
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None);
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await command.ExecuteAsync(linked.Token);
            return new ProcessResult(result.ExitCode, stdout.ToString(), stderr.ToString(), false, watch.Elapsed);
        }
        catch (OperationCanceledException) when ((timeoutCts.IsCancellationRequested || stop.IsCancellationRequested) && !cancellationToken.IsCancellationRequested)
        {
            return new ProcessResult(-1, stdout.ToString(), stderr.ToString(), true, watch.Elapsed);
        }
    }
}

/// <summary>
/// How a process runs beyond its arguments: <see cref="ClearEnvironment"/> removes every inherited variable (only the
/// given ones remain); <see cref="OnOutputLine"/> sees standard output line by line as it comes; cancelling
/// <see cref="Stop"/> kills the process like its timeout does (the result says TimedOut).
/// </summary>
internal sealed record ProcessOptions
{
    public bool ClearEnvironment { get; init; }
    public Action<string>? OnOutputLine { get; init; }
    public CancellationToken Stop { get; init; }
    /// <summary>Text written to the process's standard input (then closed); null: an empty input.</summary>
    public string? StandardInput { get; init; }
}
