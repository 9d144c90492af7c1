using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Benchmarks;

/// <summary>
/// <c>./bookish bench python [rounds]</c>: issue 24's speed goal, "a document whose cells are all cached builds as fast
/// as one without cells". Writes an article with Quarto-style cells (printed text, a DataFrame, two figures, an inline
/// value), builds it once (<c>execute: true</c> in its front matter; the freeze cache and the equation cache are then warm), and writes two
/// twins: the same article with each cell's code and results pasted as ordinary blocks (code, output, a pipe table, the
/// figures as SVG files) and the article with the cells removed. Then times whole <c>bookish build</c> processes of the
/// three in turn (warm caches, HTML only and HTML + PDF), and prints medians and the ratios pair by pair. No verdicts.
/// </summary>
internal static partial class PythonBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 7;
        var root = RepoRoot();
        var published = Path.Combine(root, ".bookish-cli", "Bookish.Cli");
        var (exe, cli) = File.Exists(published) ? (published, (string?)null) : ("dotnet", Path.Combine(root, "src", "Bookish.Cli", "bin", "Release", "net10.0", "linux-x64", "Bookish.Cli.dll"));
        var work = Directory.CreateTempSubdirectory("bookish-bench-python-").FullName;
        var cache = Path.Combine(work, "cache");
        string[] Build(string doc, string output, bool pdf, params string[] extra) =>
            [.. cli is null ? Array.Empty<string>() : [cli], "build", Path.Combine(work, doc, "index.md"), "-o", Path.Combine(work, output), "--cache-dir", cache, .. pdf ? Array.Empty<string>() : ["--no-pdf"], .. extra];

        Directory.CreateDirectory(Path.Combine(work, "cells"));
        File.WriteAllText(Path.Combine(work, "cells", "index.md"), Article(withCells: true));
        Directory.CreateDirectory(Path.Combine(work, "removed"));
        File.WriteAllText(Path.Combine(work, "removed", "index.md"), Article(withCells: false));

        // Warm-up: run the cells once (fills the freeze cache), then every document once in each mode.
        var first = await Run(exe, Build("cells", "out-cells", pdf: true), root);
        if (first.ExitCode != 0) { Console.Error.WriteLine("bench python: the executing build failed:\n" + first.Output); return 1; }
        WritePasted(work);
        foreach (var doc in new[] { "cells", "pasted", "removed" })
        foreach (var pdf in new[] { false, true })
            await Run(exe, Build(doc, "out-" + doc, pdf), root);
        var check = await Run(exe, Build("cells", "out-cells", false), root);
        Console.WriteLine($"cached build of the cells article says: {check.Output.Split('\n').LastOrDefault(l => l.Contains("Python:"))?.Trim()}");

        Console.WriteLine($"whole `bookish build` processes, warm caches, {rounds} rounds in turn (cells, pasted, removed):");
        foreach (var pdf in new[] { false, true })
        {
            var times = new Dictionary<string, List<double>> { ["cells"] = [], ["pasted"] = [], ["removed"] = [] };
            for (var r = 0; r < rounds; r++)
                foreach (var doc in times.Keys)
                    times[doc].Add((await Run(exe, Build(doc, "out-" + doc, pdf), root)).Seconds);
            var mode = pdf ? "HTML + PDF" : "HTML only (--no-pdf)";
            Console.WriteLine($"  {mode}:");
            foreach (var (doc, list) in times)
                Console.WriteLine($"    {doc,-8} median {Median(list),7:0.000} s  (min {list.Min():0.000}, max {list.Max():0.000})");
            Console.WriteLine($"    ratio cells/pasted  median {Median(Ratios(times["cells"], times["pasted"])):0.000} (pair by pair)");
            Console.WriteLine($"    ratio cells/removed median {Median(Ratios(times["cells"], times["removed"])):0.000} (pair by pair)");
        }
        try { Directory.Delete(work, true); } catch (IOException) { }
        return 0;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bookish.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    private static List<double> Ratios(List<double> a, List<double> b) => [.. a.Zip(b, (x, y) => x / y)];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<(int ExitCode, double Seconds, string Output)> Run(string exe, string[] args, string cwd)
    {
        var psi = new ProcessStartInfo(exe) { WorkingDirectory = cwd, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        watch.Stop();
        return (p.ExitCode, watch.Elapsed.TotalSeconds, await stdout + await stderr);
    }

    private static readonly string[] Cells =
    [
        """
        ```{python}
        import pandas as pd
        beans = pd.DataFrame({"week": [1, 2, 3, 4, 5], "height_cm": [2.1, 4.0, 6.3, 9.2, 12.4]})
        print(f"{len(beans)} weeks of data")
        ```
        """,
        """
        ```{python}
        beans
        ```
        """,
        """
        ```{python}
        #| label: fig-height
        #| fig-cap: Height by week
        import matplotlib.pyplot as plt
        plt.plot(beans.week, beans.height_cm, marker="o")
        plt.xlabel("week")
        ```
        """,
        """
        ```{python}
        #| label: fig-gain
        #| fig-cap: Gain per week
        #| column: margin
        plt.bar(beans.week[1:], beans.height_cm.diff()[1:])
        ```
        """,
    ];

    /// <summary>Eight short sections of prose with an equation each; the first four end in a cell, the fifth holds an inline value.</summary>
    private static string Article(bool withCells)
    {
        var sb = new StringBuilder(withCells ? "---\ntitle: Bean growth\nexecute: true\n---\n\n" : "---\ntitle: Bean growth\n---\n\n");
        const string prose = "The sprout grew a little every week, and we measured it each Monday morning before watering it. ";
        for (var k = 0; k < 8; k++)
        {
            sb.Append($"## Week {k + 1}\n\n").Append(string.Concat(Enumerable.Repeat(prose, 4)))
                .Append($"Growth follows $h(t) = h_0 e^{{{k + 1} t}}$ roughly.\n\n");
            if (withCells && k < Cells.Length) sb.Append(Cells[k]).Append('\n');
            if (withCells && k == 4) sb.Append("Average gain: `{python} beans.height_cm.diff().mean()` cm.\n\n");
        }
        return sb.ToString();
    }

    /// <summary>The cells article with each cell's code and what it gave pasted as ordinary Markdown (figures from the built page).</summary>
    private static void WritePasted(string work)
    {
        var dir = Path.Combine(work, "pasted");
        Directory.CreateDirectory(dir);
        var page = File.ReadAllText(Path.Combine(work, "out-cells", "index.html"));
        var svgs = PythonSvg().Matches(page).Select(m => m.Value).ToList();
        for (var i = 0; i < svgs.Count; i++)
            File.WriteAllText(Path.Combine(dir, $"fig{i + 1}.svg"), svgs[i].Replace("currentColor", "#000000")
                .Replace("<svg data-source=\"python\"", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""));
        string[] results =
        [
            "```\n5 weeks of data\n```\n",
            "| | week | height_cm |\n|---|---:|---:|\n| 0 | 1 | 2.1 |\n| 1 | 2 | 4 |\n| 2 | 3 | 6.3 |\n| 3 | 4 | 9.2 |\n| 4 | 5 | 12.4 |\n",
            "![Height by week](fig1.svg){#fig-height}\n",
            "![Gain per week](fig2.svg){#fig-gain}\n",
        ];
        var k = 0;
        var text = CellFence().Replace(Article(withCells: true), m =>
        {
            var code = string.Join("\n", m.Groups["body"].Value.Split('\n').Where(l => !l.StartsWith("#|", StringComparison.Ordinal)));
            return "```python\n" + code + "```\n\n" + results[k++];
        }).Replace("execute: true\n", "").Replace("`{python} beans.height_cm.diff().mean()`", "2.575");
        File.WriteAllText(Path.Combine(dir, "index.md"), text);
    }

    [GeneratedRegex(@"<svg data-source=""python"".*?</svg>", RegexOptions.Singleline)] private static partial Regex PythonSvg();
    [GeneratedRegex(@"```\{python\}\n(?<body>.*?)```\n", RegexOptions.Singleline)] private static partial Regex CellFence();
}
