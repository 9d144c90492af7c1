using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bookish.Benchmarks;

/// <summary>
/// Goal P2: a scripted edit loop against a running <c>bookish serve</c> on a temporary copy of the paper. Each edit
/// rewrites one paragraph of the source; the time is from the file write until the page served over HTTP holds the
/// new text (the server's build event is awaited on its event stream, then the page is fetched and checked). Also an
/// edit that adds one new equation. Run with the background PDF off and on (on: pdflatex may be typesetting when the
/// next save lands, and is cancelled by it). Prints medians, not verdicts.
/// </summary>
internal static partial class ServeBenchmark
{
    public static async Task RunAsync(string exe, string? cli, string input, string? log = null)
    {
        var source = File.Exists(input) ? Path.GetDirectoryName(Path.GetFullPath(input))! : Path.GetFullPath(input);
        var work = Directory.CreateTempSubdirectory("bookish-bench-serve-").FullName;
        try
        {
            var copy = Path.Combine(work, "paper");
            CopyFolder(source, copy);
            var copiedInput = File.Exists(input) ? Path.Combine(copy, Path.GetFileName(input)) : copy;
            var cache = Path.Combine(work, "cache");
            Console.WriteLine();
            Console.WriteLine($"load average before: {LoadAverage()}");
            Console.WriteLine($"goal P2: bookish serve, edit loop on a copy of {Path.GetFileName(source)} (median of 20 paragraph edits, 5 new-equation edits)");
            foreach (var pdf in new[] { false, true })
            {
                var r = await LoopAsync(exe, cli, copy, copiedInput, cache, pdf, log);
                var label = pdf ? "with the PDF in the background" : "--no-pdf";
                Console.WriteLine($"{"  first build in serve (" + label + ")",-52} {r.First,10:0.000} s");
                Console.WriteLine($"{"  paragraph edit -> new HTML served (" + label + ")",-52} {Median(r.Paragraph),10:0.000} s  (goal P2 <= 0.3 s; server's rebuild {Median(r.Rebuild):0.000} s wall, {Median(r.RebuildCpu):0.000} s CPU; runs: {string.Join(" ", r.Paragraph.Select(t => t.ToString("0.00")))})");
                Console.WriteLine($"{"  new-equation edit -> new HTML served (" + label + ")",-52} {Median(r.Equation),10:0.000} s  (goal P2 <= 0.5 s; server's rebuild {Median(r.EquationRebuild):0.000} s; runs: {string.Join(" ", r.Equation.Select(t => t.ToString("0.00")))})");
            }
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }

    /// <summary><c>./bookish bench serve [input]</c>: the edit loop alone (the paper by default).</summary>
    public static async Task<int> RunStandaloneAsync(string[] args)
    {
        var root = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bookish.sln"))) { root = dir.FullName; break; }
        var input = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "matrix-calculus", "article.xml"));
        var published = Path.Combine(root, ".bookish-cli", "Bookish.Cli");
        var (exe, cli) = File.Exists(published) ? (published, (string?)null) : ("dotnet", Path.Combine(root, "src", "Bookish.Cli", "bin", "Release", "net10.0", "linux-x64", "Bookish.Cli.dll"));
        Console.WriteLine($"command: {(cli ?? exe)}");
        await RunAsync(exe, cli, input, Environment.GetEnvironmentVariable("BOOKISH_BENCH_LOG"));
        return 0;
    }

    private sealed record Loop(double First, List<double> Paragraph, List<double> Rebuild, List<double> Equation)
    {
        public List<double> RebuildCpu { get; } = [];
        public List<double> EquationRebuild { get; } = [];
    }

    private static async Task<Loop> LoopAsync(string exe, string? cli, string folder, string input, string cache, bool pdf, string? log)
    {
        var psi = new ProcessStartInfo(exe) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])[.. cli is null ? [] : new[] { cli }, "serve", input, "--port", "0", "--cache-dir", cache, .. pdf ? Array.Empty<string>() : ["--no-pdf"]])
            psi.ArgumentList.Add(a);
        using var serve = Process.Start(psi)!;
        var stderr = serve.StandardError.ReadToEndAsync();
        try
        {
            var line = await serve.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("serve printed no address: " + await stderr);
            var url = new Uri(line["bookish: serving ".Length..]);
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(3) };
            var events = new SemaphoreSlim(0);
            using var stop = new CancellationTokenSource();
            var reader = Task.Run(async () =>
            {
                using var stream = new StreamReader(await http.GetStreamAsync("/__bookish/events", stop.Token));
                while (await stream.ReadLineAsync(stop.Token) is { } l)
                    if (l == "event: build") events.Release();
            });
            var state = await WaitStateAsync(http, s => s.GetProperty("version").GetInt32() >= 1);
            var first = state.GetProperty("elapsedMs").GetDouble() / 1000;

            // The paragraph edited: the longest line of prose without markup or math.
            var file = Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
                .OrderByDescending(f => new FileInfo(f).Length).First();
            var lines = File.ReadAllLines(file);
            var at = Enumerable.Range(0, lines.Length).Where(i => Prose().IsMatch(lines[i])).MaxBy(i => lines[i].Length);
            var original = lines[at];

            async Task<double> EditAsync(string token, string extra)
            {
                while (events.CurrentCount > 0) await events.WaitAsync();
                lines[at] = original + " " + token + extra;
                var watch = Stopwatch.StartNew();
                await File.WriteAllLinesAsync(file, lines);
                while (true)
                {
                    if (!await events.WaitAsync(TimeSpan.FromMinutes(2))) throw new TimeoutException("no build event after an edit");
                    if ((await http.GetStringAsync("/")).Contains(token, StringComparison.Ordinal)) return watch.Elapsed.TotalSeconds;
                }
            }

            var paragraph = new List<double>();
            var rebuild = new List<double>();
            var cpu = new List<double>();
            var equationRebuild = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                paragraph.Add(await EditAsync($"Edited{i}x{Environment.TickCount64}", ""));
                var after = await http.GetFromJsonAsync("/__bookish/state");
                rebuild.Add(after.GetProperty("elapsedMs").GetDouble() / 1000);
                cpu.Add(after.GetProperty("cpuMs").GetDouble() / 1000);
                await Task.Delay(pdf ? 1500 : 300);
            }
            var equation = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var n = Environment.TickCount64 % 100000 + i;
                equation.Add(await EditAsync($"Added{n}", $" $\\alpha_{{{n}}} + \\beta^{{{n}}}$"));
                equationRebuild.Add((await http.GetFromJsonAsync("/__bookish/state")).GetProperty("elapsedMs").GetDouble() / 1000);
                await Task.Delay(pdf ? 1500 : 300);
            }
            lines[at] = original;
            await File.WriteAllLinesAsync(file, lines);
            stop.Cancel();
            var loop = new Loop(first, paragraph, rebuild, equation);
            loop.RebuildCpu.AddRange(cpu);
            loop.EquationRebuild.AddRange(equationRebuild);
            return loop;
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-INT", serve.Id.ToString()])) await kill.WaitForExitAsync();
            if (!serve.WaitForExit(10_000)) serve.Kill(true);
            var said = await stderr;
            if (log is not null) await File.AppendAllTextAsync(log, said);
        }
    }

    private static async Task<JsonElement> WaitStateAsync(HttpClient http, Func<JsonElement, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            var state = await http.GetFromJsonAsync("/__bookish/state");
            if (done(state)) return state;
            await Task.Delay(50);
        }
        throw new TimeoutException("serve did not finish its first build");
    }

    private static async Task<JsonElement> GetFromJsonAsync(this HttpClient http, string path) =>
        JsonDocument.Parse(await http.GetStringAsync(path)).RootElement.Clone();

    /// <summary>A line of plain prose: letters and punctuation, no tags, no math, no Markdown markup at its start.</summary>
    [GeneratedRegex(@"^[A-Za-z][^<>$\\`|#]{120,}$")]
    private static partial Regex Prose();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyFolder(d, Path.Combine(to, Path.GetFileName(d)));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
