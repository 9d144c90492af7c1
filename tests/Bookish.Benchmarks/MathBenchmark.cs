using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Model;
using Bookish.Publishing;

namespace Bookish.Benchmarks;

/// <summary>
/// Renders every equation of a document cold and warm, times a cold HTML + PDF build beside the HTML-only one, and
/// compares, in the same run, with two baselines: one TeX
/// process per equation (a sample, extrapolated) and MathJax 3 server-side rendering (when node and npm exist).
/// Prints ratios, not verdicts.
/// </summary>
internal static class MathBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = RepoRoot();
        var paper = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "matrix-calculus", "article.xml"));
        var input = args.Length > 0 ? args[0] : paper;
        var diagnostics = new DiagnosticBag();
        var publication = InputReader.Read(input, diagnostics);
        if (publication is null)
        {
            Console.Error.WriteLine($"bench: cannot read {input}; falling back to the content article");
            input = Path.Combine(root, "content", "vector-derivatives");
            publication = InputReader.Read(input, diagnostics)!;
        }
        publication = Numbering.Apply(publication);
        var fragments = MathCollector.Collect(publication.Pages);
        var settings = Publisher.MathSettingsFor(publication, new BuildOptions(input));
        Console.WriteLine($"input: {input}");
        Console.WriteLine($"distinct equations: {fragments.Count} (inline {fragments.Count(f => f.Mode == MathMode.Inline)}, display {fragments.Count(f => f.Mode == MathMode.Display)}, raw blocks {fragments.Count(f => f.Mode == MathMode.RawBlock)})");

        // 1. Whole process, cold (--no-cache), side by side with MathJax: rounds alternate so both see the same load.
        // The command as ./bookish runs it: the ahead-of-time compiled, self-contained executable when the launcher made it.
        var published = Path.Combine(root, ".bookish-cli", "Bookish.Cli");
        var (exe, cli) = File.Exists(published) ? (published, (string?)null) : ("dotnet", Path.Combine(root, "src", "Bookish.Cli", "bin", "Release", "net10.0", "linux-x64", "Bookish.Cli.dll"));
        var outDir = Directory.CreateTempSubdirectory("bookish-bench-").FullName;
        string[] BuildArgs(params string[] extra) => [.. cli is null ? Array.Empty<string>() : [cli], "build", input, "--no-pdf", "--no-cache", "-o", Path.Combine(outDir, "site"), .. extra];
        // The same with the PDF (HTML + PDF, as a plain `bookish build --no-cache`): goal P3.
        string[] PdfBuildArgs() => [.. cli is null ? Array.Empty<string>() : [cli], "build", input, "--no-cache", "-o", Path.Combine(outDir, "site-pdf")];
        var mathJaxDir = await PrepareMathJaxAsync(fragments, outDir);

        // The first build on a machine also makes Bookish's TeX format (once): measured with an empty format folder.
        var freshFormats = Path.Combine(outDir, "formats");
        var (firstEver, _) = await TimeProcessAsync(exe, BuildArgs(), root, new() { ["BOOKISH_FORMAT_DIR"] = freshFormats });
        await TimeProcessAsync(exe, BuildArgs(), root); // the machine's own format exists from here on
        await TimeProcessAsync(exe, PdfBuildArgs(), root); // and the PDF preamble's format

        const int rounds = 7;
        var ours = new List<double>();
        var pdfEngine = new List<double>();
        var noFormat = new List<double>();
        var mathJaxRuns = new List<double>();
        var mathJaxMmlRuns = new List<double>();
        var withPdf = new List<double>();
        var peakMb = 0.0;
        for (var round = 0; round < rounds; round++)
        {
            var (t, peak) = await TimeProcessAsync(exe, BuildArgs(), root);
            ours.Add(t.TotalSeconds);
            peakMb = Math.Max(peakMb, peak);
            pdfEngine.Add((await TimeProcessAsync(exe, BuildArgs("--math-engine", "pdflatex"), root, new() { ["BOOKISH_NO_FORMAT"] = "1" })).Elapsed.TotalSeconds);
            noFormat.Add((await TimeProcessAsync(exe, BuildArgs(), root, new() { ["BOOKISH_NO_FORMAT"] = "1" })).Elapsed.TotalSeconds);
            if (mathJaxDir is not null && await TimeMathJaxAsync(mathJaxDir) is { } once) mathJaxRuns.Add(once.TotalSeconds);
            if (mathJaxDir is not null && await TimeMathJaxAsync(mathJaxDir, "render-mml.js") is { } both) mathJaxMmlRuns.Add(both.TotalSeconds);
            withPdf.Add((await TimeProcessAsync(exe, PdfBuildArgs(), root)).Elapsed.TotalSeconds);
        }
        var coldProcess = TimeSpan.FromSeconds(Median(ours));
        var pageBytes = Directory.Exists(Path.Combine(outDir, "site"))
            ? Directory.GetFiles(Path.Combine(outDir, "site"), "*.html").Sum(f => new FileInfo(f).Length) : 0;
        TimeSpan? mathJax = mathJaxRuns.Count > 0 ? TimeSpan.FromSeconds(Median(mathJaxRuns)) : null;

        // 2. In process: math stage cold and warm (cache).
        var cacheDir = Path.Combine(outDir, "cache");
        var cold = Stopwatch.StartNew();
        var cached = new CachingMathRenderer(new TexBatchRenderer(), cacheDir);
        var result = await cached.RenderAsync(fragments, settings);
        cold.Stop();
        var warm = Stopwatch.StartNew();
        var warmRenderer = new CachingMathRenderer(new TexBatchRenderer(), cacheDir);
        await warmRenderer.RenderAsync(fragments, settings);
        warm.Stop();
        // The first warm pass in a process pays for loading code (the JIT); a serve loop's later passes do not.
        var steady = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var again = Stopwatch.StartNew();
            await new CachingMathRenderer(new TexBatchRenderer(), cacheDir).RenderAsync(fragments, settings);
            steady.Add(again.Elapsed.TotalSeconds);
        }

        // 3. Baseline: one TeX process per equation, on a sample of 20, extrapolated.
        var sample = fragments.Take(20).ToList();
        var single = Stopwatch.StartNew();
        foreach (var f in sample) await new TexBatchRenderer().RenderAsync([f], settings with { Parallelism = 1 });
        single.Stop();
        var perEquationBaseline = single.Elapsed.TotalSeconds / Math.Max(1, sample.Count) * fragments.Count;

        Console.WriteLine();
        Console.WriteLine($"{"measure",-52} {"value",12}");
        Console.WriteLine($"medians of {rounds} alternating rounds:");
        Console.WriteLine($"{"bookish build --no-pdf --no-cache (whole process)",-52} {coldProcess.TotalSeconds,10:0.000} s  (runs: {string.Join(" ", ours.Select(o => o.ToString("0.00")))})");
        Console.WriteLine($"{"bookish build --no-cache, HTML + PDF (whole process)",-52} {Median(withPdf),10:0.000} s  (runs: {string.Join(" ", withPdf.Select(o => o.ToString("0.00")))}; goal P3 <= 2.5 s)");
        Console.WriteLine($"{"  of which the PDF (HTML + PDF minus HTML only)",-52} {Median(withPdf) - coldProcess.TotalSeconds,10:0.000} s");
        Console.WriteLine($"{"  the same, --math-engine pdflatex, no format",-52} {Median(pdfEngine),10:0.000} s");
        Console.WriteLine($"{"  the same, default engine, no format",-52} {Median(noFormat),10:0.000} s");
        Console.WriteLine($"{"  first build on a machine (makes the TeX format)",-52} {firstEver.TotalSeconds,10:0.000} s");
        Console.WriteLine($"{"  peak memory of that process",-52} {peakMb,10:0} MB");
        Console.WriteLine($"{"  page bytes (all HTML pages)",-52} {pageBytes,12:N0}");
        Console.WriteLine($"{"math stage cold, in process",-52} {cold.Elapsed.TotalSeconds,10:0.000} s  ({result.TexRuns} TeX runs, {result.Rendered.Count} rendered)");
        Console.WriteLine($"{"  per equation",-52} {cold.Elapsed.TotalMilliseconds / Math.Max(1, fragments.Count),10:0.00} ms");
        Console.WriteLine($"{"math stage warm (all cached)",-52} {warm.Elapsed.TotalSeconds,10:0.000} s");
        Console.WriteLine($"{"  the same, again in the same process (median of 5)",-52} {Median(steady),10:0.000} s");
        Console.WriteLine($"{"baseline: one TeX process per equation (extrapolated)",-52} {perEquationBaseline,10:0.000} s");
        if (mathJax is { } mj)
            Console.WriteLine($"{"baseline: MathJax 3 SSR tex->svg (node process)",-52} {mj.TotalSeconds,10:0.000} s  (runs: {string.Join(" ", mathJaxRuns.Select(o => o.ToString("0.00")))})");
        if (mathJaxMmlRuns.Count > 0)
            Console.WriteLine($"{"baseline: MathJax 3 SSR tex->svg + MathML (same output)",-52} {Median(mathJaxMmlRuns),10:0.000} s  (runs: {string.Join(" ", mathJaxMmlRuns.Select(o => o.ToString("0.00")))})");
        Console.WriteLine();
        Console.WriteLine($"ratio cold build / one-process-per-equation: {coldProcess.TotalSeconds / perEquationBaseline:0.000}");
        if (mathJax is { } m2)
        {
            Console.WriteLine($"ratio cold build / MathJax SSR:              {coldProcess.TotalSeconds / m2.TotalSeconds:0.000}  (target <= 0.5)");
            Console.WriteLine($"  pdflatex + mutool engine, no format:       {Median(pdfEngine) / m2.TotalSeconds:0.000}");
            if (mathJaxMmlRuns.Count > 0)
                Console.WriteLine($"ratio cold build / MathJax SVG + MathML:     {coldProcess.TotalSeconds / Median(mathJaxMmlRuns):0.000}  (like for like: a Bookish page also carries each equation's MathML)");
        }
        Console.WriteLine($"warm math stage:                             {warm.Elapsed.TotalSeconds:0.000} s  (target <= 0.1)");
        await ServeBenchmark.RunAsync(exe, cli, input);
        try { Directory.Delete(outDir, true); } catch (IOException) { }
        return 0;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bookish.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    private static readonly HashSet<string> _mathJaxReported = [];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<(TimeSpan Elapsed, double PeakMb)> TimeProcessAsync(string exe, string[] args, string cwd, Dictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(exe) { WorkingDirectory = cwd, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (k, v) in environment ?? []) psi.Environment[k] = v;
        foreach (var a in args) psi.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var peak = 0L;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        while (!p.HasExited)
        {
            try { p.Refresh(); peak = Math.Max(peak, p.PeakWorkingSet64); } catch (InvalidOperationException) { }
            await Task.Delay(5);
        }
        await p.WaitForExitAsync();
        watch.Stop();
        await stderr; await stdout;
        return (watch.Elapsed, peak / 1024.0 / 1024.0);
    }

    /// <summary>Installs MathJax 3 with npm into a temporary folder and writes the script and the fragments; null when node or npm is missing.</summary>
    private static async Task<string?> PrepareMathJaxAsync(IReadOnlyList<MathFragment> fragments, string work)
    {
        if (!Toolchain.ProcessRunner.Exists("node") || !Toolchain.ProcessRunner.Exists("npm")) { Console.WriteLine("MathJax baseline skipped: node/npm not found"); return null; }
        var dir = Path.Combine(work, "mathjax");
        Directory.CreateDirectory(dir);
        var install = await Toolchain.ProcessRunner.RunAsync("npm", ["install", "--silent", "--no-audit", "--no-fund", "mathjax-full@3"], dir, TimeSpan.FromMinutes(5));
        if (install.ExitCode != 0) { Console.WriteLine("MathJax baseline skipped: npm install mathjax-full@3 failed: " + install.StandardError.Trim()); return null; }
        var tex = fragments.Where(f => f.Mode != MathMode.RawBlock).Select(f => new { tex = f.Tex, display = f.Mode == MathMode.Display }).ToList();
        File.WriteAllText(Path.Combine(dir, "fragments.json"), JsonSerializer.Serialize(tex));
        File.WriteAllText(Path.Combine(dir, "render.js"), """
            const {mathjax} = require('mathjax-full/js/mathjax.js');
            const {TeX} = require('mathjax-full/js/input/tex.js');
            const {AllPackages} = require('mathjax-full/js/input/tex/AllPackages.js');
            const {SVG} = require('mathjax-full/js/output/svg.js');
            const {liteAdaptor} = require('mathjax-full/js/adaptors/liteAdaptor.js');
            const {RegisterHTMLHandler} = require('mathjax-full/js/handlers/html.js');
            const adaptor = liteAdaptor();
            RegisterHTMLHandler(adaptor);
            const doc = mathjax.document('', {InputJax: new TeX({packages: AllPackages}), OutputJax: new SVG({fontCache: 'global'})});
            const fragments = require('./fragments.json');
            let bytes = 0, failed = 0;
            for (const f of fragments) { try { bytes += adaptor.outerHTML(doc.convert(f.tex, {display: f.display})).length; } catch (e) { failed++; } }
            console.log(bytes + ' ' + failed);
            """);
        // The same output as a Bookish page holds: each equation's picture and its MathML for screen readers (MathJax's
        // convert gives one output per call, so each TeX string is parsed twice: once to SVG, once to the MathML tree).
        File.WriteAllText(Path.Combine(dir, "render-mml.js"), """
            const {mathjax} = require('mathjax-full/js/mathjax.js');
            const {TeX} = require('mathjax-full/js/input/tex.js');
            const {AllPackages} = require('mathjax-full/js/input/tex/AllPackages.js');
            const {SVG} = require('mathjax-full/js/output/svg.js');
            const {liteAdaptor} = require('mathjax-full/js/adaptors/liteAdaptor.js');
            const {RegisterHTMLHandler} = require('mathjax-full/js/handlers/html.js');
            const {SerializedMmlVisitor} = require('mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js');
            const {STATE} = require('mathjax-full/js/core/MathItem.js');
            const adaptor = liteAdaptor();
            RegisterHTMLHandler(adaptor);
            const doc = mathjax.document('', {InputJax: new TeX({packages: AllPackages}), OutputJax: new SVG({fontCache: 'global'})});
            const visitor = new SerializedMmlVisitor();
            const fragments = require('./fragments.json');
            let bytes = 0, failed = 0;
            for (const f of fragments) {
              try {
                bytes += adaptor.outerHTML(doc.convert(f.tex, {display: f.display})).length;
                bytes += visitor.visitTree(doc.convert(f.tex, {display: f.display, end: STATE.CONVERT})).length;
              } catch (e) { failed++; }
            }
            console.log(bytes + ' ' + failed);
            """);
        return dir;
    }

    private static async Task<TimeSpan?> TimeMathJaxAsync(string dir, string script = "render.js")
    {
        var watch = Stopwatch.StartNew();
        var r = await Toolchain.ProcessRunner.RunAsync("node", [script], dir, TimeSpan.FromMinutes(5));
        watch.Stop();
        if (r.ExitCode != 0) { Console.WriteLine("MathJax baseline failed: " + r.StandardError.Trim()); return null; }
        var parts = r.StandardOutput.Trim().Split(' ');
        if (_mathJaxReported.Add(script)) Console.WriteLine($"MathJax ({script}): {parts.ElementAtOrDefault(0)} bytes, {parts.ElementAtOrDefault(1)} fragments failed to convert");
        return watch.Elapsed;
    }
}
