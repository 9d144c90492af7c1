using Bookish.Publishing;
using Spectre.Console;

namespace Bookish.Cli;

/// <summary>
/// A build's progress on stderr: a Spectre.Console spinner with the current stage and the time so far on an
/// interactive terminal; plain one-line stage messages otherwise (CI logs); nothing for json/github output.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(string mode, Func<IProgress<BuildProgress>?, Task<T>> work)
    {
        switch (mode)
        {
            case "interactive":
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                var watch = System.Diagnostics.Stopwatch.StartNew();
                return await console.Status().Spinner(Spinner.Known.Dots).StartAsync("starting", async ctx =>
                {
                    var progress = new Progress(p => ctx.Status = Markup.Escape($"{p.Message}  ({watch.Elapsed.TotalSeconds:0.0} s)"));
                    return await work(progress);
                });
            case "lines":
                return await work(new Progress(p => Console.Error.WriteLine("bookish: " + p.Message)));
            default:
                return await work(null);
        }
    }

    /// <summary>interactive, lines or none: from the diagnostics format and whether stderr is a terminal.</summary>
    public static string ModeFor(string format) => format switch
    {
        "pretty" when !Console.IsErrorRedirected => "interactive",
        "pretty" or "text" => "lines",
        _ => "none",
    };

    /// <summary>Reports synchronously on the reporting thread (System.Progress would post them out of order).</summary>
    private sealed class Progress(Action<BuildProgress> report) : IProgress<BuildProgress>
    {
        private readonly Lock _gate = new();
        public void Report(BuildProgress value) { lock (_gate) report(value); }
    }
}
