using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bookish.IntegrationTests.Support;

namespace Bookish.IntegrationTests.Serve;

/// <summary>
/// A real <c>bookish serve</c> process (the built CLI) on a free loopback port, with helpers to read its state and
/// pages and to wait for a rebuild. Disposing stops it (SIGINT first, as Ctrl-C would, then kill).
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public Uri Url { get; private set; } = null!;

    private ServeProcess(Process process) => _process = process;

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static async Task<ServeProcess> StartAsync(string input, string workingDirectory, string cacheDirectory, params string[] extra)
    {
        var info = new ProcessStartInfo(BookishProcess.Start.Program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[.. BookishProcess.Start.Prefix, "serve", input, "--port", "0", "--cache-dir", cacheDirectory, .. extra]) info.ArgumentList.Add(a);
        var serve = new ServeProcess(Process.Start(info)!);
        serve._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("bookish: serving ", StringComparison.Ordinal)) serve._url.TrySetResult(line["bookish: serving ".Length..]);
        };
        serve._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (serve._stderr) serve._stderr.AppendLine(e.Data); };
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        var started = await Task.WhenAny(serve._url.Task, serve._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        if (started != serve._url.Task) throw new InvalidOperationException("serve did not start: " + serve.Stderr);
        serve.Url = new Uri(await serve._url.Task);
        return serve;
    }

    public async Task<JsonElement> StateAsync() => await Http.GetFromJsonAsync<JsonElement>(new Uri(Url, "/__bookish/state"));

    public async Task<string> PageAsync(string path = "/") => await Http.GetStringAsync(new Uri(Url, path));

    /// <summary>Polls the state until <paramref name="done"/> holds (a rebuild has finished with what the test expects).</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> done, string what, int seconds = 90)
    {
        var watch = Stopwatch.StartNew();
        JsonElement state = default;
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            state = await StateAsync();
            if (done(state)) return state;
            await Task.Delay(50);
        }
        throw new TimeoutException($"waited {seconds} s for {what}; last state {state}; serve said:\n{Stderr}");
    }

    /// <summary>Waits until the first build is done (version 1 or later).</summary>
    public Task<JsonElement> BuiltAsync() => WaitForAsync(s => s.GetProperty("version").GetInt32() >= 1, "the first build");

    public static IEnumerable<JsonElement> Errors(JsonElement state) =>
        state.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("severity").GetString() == "error");

    /// <summary>Sends SIGINT (what Ctrl-C sends) and waits for the process to end.</summary>
    public async Task<bool> InterruptAsync(TimeSpan wait)
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(wait);
        try { await _process.WaitForExitAsync(cts.Token); return true; }
        catch (OperationCanceledException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && !await InterruptAsync(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
        Http.Dispose();
        _process.Dispose();
    }
}
