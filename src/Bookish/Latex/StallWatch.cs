using Bookish.Toolchain;

namespace Bookish.Latex;

/// <summary>What a watched pdflatex run came to: its result, whether the watchdog stopped it, and the last block it began.</summary>
internal sealed record WatchedRun(ProcessResult Result, bool Stalled, int? LastMarker);

/// <summary>
/// Runs pdflatex with a watchdog on its progress markers (<see cref="PdfProgress"/>): when none arrives for the stall
/// time, the run is stopped at once (an endless loop in raw LaTeX), instead of at the end of the whole run's bound.
/// </summary>
internal static class StallWatch
{
    public static async Task<WatchedRun> RunAsync(IToolchain toolchain, ToolInvocation invocation, string? prefix, TimeSpan stall, CancellationToken ct)
    {
        if (prefix is null || stall >= invocation.Timeout)
            return new WatchedRun(await toolchain.RunAsync(invocation, ct), false, null);
        using var stop = new CancellationTokenSource();
        var last = System.Diagnostics.Stopwatch.GetTimestamp();
        var marker = -1;
        var watched = invocation with
        {
            LineBuffered = true,
            Stop = stop.Token,
            OnOutputLine = line =>
            {
                if (PdfProgress.LineOf(line, prefix) is not { } texLine) return;
                Volatile.Write(ref marker, texLine);
                Interlocked.Exchange(ref last, System.Diagnostics.Stopwatch.GetTimestamp());
            },
        };
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stalled = false;
        var watchdog = Task.Run(async () =>
        {
            try
            {
                while (!watching.IsCancellationRequested)
                {
                    await Task.Delay(100, watching.Token);
                    if (System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref last)) <= stall) continue;
                    stalled = true;
                    await stop.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) { }
        }, CancellationToken.None);
        try
        {
            var result = await toolchain.RunAsync(watched, ct);
            watching.Cancel();
            await watchdog;
            var at = Volatile.Read(ref marker);
            return new WatchedRun(result, stalled && result.TimedOut, at < 0 ? null : at);
        }
        finally
        {
            watching.Cancel();
        }
    }
}
