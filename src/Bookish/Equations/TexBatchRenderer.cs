using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Toolchain;

namespace Bookish.Equations;

/// <summary>
/// Renders all fragments in a few TeX runs (one batch per core, in parallel, each in a private work directory):
/// every fragment is typeset into a box whose height, depth and width TeX writes to the log, then shipped as one
/// preview page; the PDF (or DVI) pages become SVG in one converter run. A failing fragment is isolated: the batch is
/// split at it and the rest re-run, so one bad equation never costs the others.
/// </summary>
public sealed partial class TexBatchRenderer : IMathRenderer
{
    public async Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
    {
        var rendered = new Dictionary<string, RenderedMath>();
        var diagnostics = new List<Diagnostic>();
        var runnable = new List<MathFragment>();
        foreach (var f in fragments)
        {
            if (Containment.FindForbidden(f.Tex) is { } bad)
            {
                foreach (var span in f.Spans)
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.ForbiddenPrimitive, span, $"'{bad}' is not allowed in math: it could read or write files or change how TeX reads input"));
                continue;
            }
            runnable.Add(f);
        }
        if (runnable.Count == 0) return new MathBatchResult(rendered, diagnostics);

        var parallelism = Math.Max(1, Math.Min(settings.Parallelism, (runnable.Count + 24) / 25));
        var chunkSize = (runnable.Count + parallelism - 1) / parallelism;
        var chunks = runnable.Chunk(chunkSize).Select(c => c.ToList()).ToList();
        var outcomes = await Task.WhenAll(chunks.Select(c => RenderChunkAsync(c, settings, cancellationToken)));
        var runs = 0;
        foreach (var o in outcomes)
        {
            foreach (var (k, v) in o.Rendered) rendered[k] = v;
            diagnostics.AddRange(o.Diagnostics);
            runs += o.TexRuns;
        }
        return new MathBatchResult(rendered, diagnostics) { TexRuns = runs };
    }

    private sealed record ChunkOutcome(Dictionary<string, RenderedMath> Rendered, List<Diagnostic> Diagnostics, int TexRuns);

    private async Task<ChunkOutcome> RenderChunkAsync(List<MathFragment> chunk, MathSettings settings, CancellationToken ct)
    {
        var outcome = new ChunkOutcome([], [], 0);
        var pending = new Stack<List<MathFragment>>();
        pending.Push(chunk);
        var runs = 0;
        while (pending.Count > 0)
        {
            var list = pending.Pop();
            if (list.Count == 0) continue;
            runs++;
            var run = await RunOnceAsync(list, settings, ct);
            foreach (var (k, v) in run.Rendered) outcome.Rendered[k] = v;
            foreach (var (index, message) in run.Failures.ToList())
                foreach (var span in list[index].Spans)
                    outcome.Diagnostics.Add(Diagnostic.Error(DiagnosticIds.TexError, span, Explain(message, list[index].Tex)));
            if (run.Culprit is { } culprit)
            {
                var f = list[culprit];
                foreach (var span in f.Spans)
                    outcome.Diagnostics.Add(Diagnostic.Error(run.TimedOut ? DiagnosticIds.TexTimeout : DiagnosticIds.TexError, span, Explain(run.Message ?? "TeX failed", f.Tex)));
                pending.Push(list.Skip(culprit + 1).ToList());
                if (run.Rendered.Count == 0) pending.Push(list.Take(culprit).ToList());
            }
            else if (run.Failed)
            {
                // Nothing identifies the culprit: bisect.
                if (list.Count == 1)
                {
                    foreach (var span in list[0].Spans)
                        outcome.Diagnostics.Add(Diagnostic.Error(run.TimedOut ? DiagnosticIds.TexTimeout : DiagnosticIds.TexError, span, run.Message ?? "TeX failed"));
                }
                else
                {
                    pending.Push(list.Skip(list.Count / 2).ToList());
                    pending.Push(list.Take(list.Count / 2).ToList());
                }
            }
        }
        return outcome with { TexRuns = runs };
    }

    /// <summary>TeX's words, plus a hint when they name Bookish's own wrapper rather than the author's text.</summary>
    private static string Explain(string message, string tex)
    {
        if (!message.Contains("File ended while scanning", StringComparison.Ordinal) && !message.Contains("Runaway", StringComparison.Ordinal))
            return message;
        int open = 0, close = 0;
        for (var i = 0; i < tex.Length; i++)
        {
            if (tex[i] == '\\') { i++; continue; }
            if (tex[i] == '{') open++;
            else if (tex[i] == '}') close++;
        }
        return open == close ? message : $"{message} (the equation has unbalanced braces: {open} '{{' and {close} '}}')";
    }

    private sealed record RunResult(Dictionary<string, RenderedMath> Rendered, int? Culprit, string? Message, bool TimedOut, bool Failed)
    {
        /// <summary>Fragments that failed in a run whose other pages are all good (no re-run needed).</summary>
        public Dictionary<int, string> Failures { get; init; } = [];
    }

    [GeneratedRegex(@"^BKB:(\d+)\s*$", RegexOptions.Multiline)] private static partial Regex BeginMarker();
    [GeneratedRegex(@"^BKM:(\d+):([0-9.\-]+)pt:([0-9.\-]+)pt:([0-9.\-]+)pt\s*$", RegexOptions.Multiline)] private static partial Regex MetricMarker();

    private static readonly Dictionary<string, string?> TexEnvironment = new()
    {
        ["openin_any"] = "p",
        ["openout_any"] = "p",
        ["shell_escape"] = "f",
        ["max_print_line"] = "10000",
        ["error_line"] = "254",
        ["half_error_line"] = "238",
    };

    private async Task<RunResult> RunOnceAsync(List<MathFragment> list, MathSettings settings, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("bookish-tex-").FullName;
        try
        {
            CopyResources(list, settings, work);
            File.WriteAllText(Path.Combine(work, "math.tex"), Source(list, settings));
            var dvi = settings.Engine == MathEngine.LatexDvisvgm;
            var timeout = settings.Timeout;
            var tex = await ProcessRunner.RunAsync(dvi ? "latex" : "pdflatex",
                ["-no-shell-escape", "-interaction=nonstopmode", "math.tex"], work, timeout, TexEnvironment, ct, lineBuffered: true);
            var logPath = Path.Combine(work, "math.log");
            var log = File.Exists(logPath) ? File.ReadAllText(logPath) : "";
            if (tex.TimedOut)
            {
                var printed = tex.StandardOutput + "\n" + log;
                var begun = BeginMarker().Matches(printed).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Max();
                var done = MetricMarker().Matches(printed).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Max();
                var message = $"TeX did not finish within {timeout.TotalSeconds:0.#} s (an endless macro loop?) and was stopped";
                // The fragment that began and never finished is the culprit; without that evidence, bisect.
                return begun > done ? new RunResult([], begun, message, true, true) : new RunResult([], null, message, true, true);
            }

            var errors = TexLog.Errors(log);
            var beginPositions = BeginMarker().Matches(log).Select(m => (Index: int.Parse(m.Groups[1].Value), m.Index)).ToList();
            int FragmentAt(int logPosition) => beginPositions.LastOrDefault(b => b.Index < logPosition + 1 && b.Item2 < logPosition) is var b && b != default ? b.Index : 0;

            var metrics = MetricMarker().Matches(log).ToDictionary(m => int.Parse(m.Groups[1].Value),
                m => (Ht: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Dp: double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), Wd: double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)));
            var outFile = Path.Combine(work, dvi ? "math.dvi" : "math.pdf");

            var failedFragments = new Dictionary<int, string>();
            foreach (var e in errors)
            {
                var idx = FragmentAt(e.LogPosition);
                if (!failedFragments.ContainsKey(idx)) failedFragments[idx] = TexLog.Describe(log, e);
            }

            var svgs = File.Exists(outFile) ? await ConvertAsync(outFile, work, dvi, list.Count, settings, ct) : null;
            if (svgs is null || svgs.Count != list.Count || metrics.Count != list.Count)
            {
                if (failedFragments.Count > 0)
                {
                    var first = failedFragments.Keys.Min();
                    return new RunResult([], first, failedFragments[first], false, true);
                }
                return new RunResult([], null, "TeX produced no output: " + LastLines(log), false, true);
            }

            var rendered = new Dictionary<string, RenderedMath>();
            for (var i = 0; i < list.Count; i++)
            {
                if (failedFragments.ContainsKey(i)) continue;
                var (ht, dp, wd) = metrics[i];
                rendered[list[i].Key(settings)] = new RenderedMath(SvgPage.Clean(svgs[i]), wd / settings.FontSize, ht / settings.FontSize, dp / settings.FontSize);
            }
            return new RunResult(rendered, null, null, false, false) { Failures = failedFragments };
        }
        finally
        {
            // Removing a few hundred files is not on the critical path.
            _ = Task.Run(() => { try { Directory.Delete(work, true); } catch (IOException) { } catch (UnauthorizedAccessException) { } });
        }
    }

    private static string LastLines(string log) =>
        string.Join(" ", log.Replace("\r", "").Split('\n').Where(l => l.Length > 0).TakeLast(3));

    private static async Task<List<string>?> ConvertAsync(string file, string work, bool dvi, int pages, MathSettings settings, CancellationToken ct)
    {
        if (dvi)
        {
            var r = await ProcessRunner.RunAsync("dvisvgm", ["--no-fonts", "--exact-bbox", "--page=1-", "--output=p%p.svg", Path.GetFileName(file)], work, settings.Timeout, null, ct);
            if (r.ExitCode != 0) return null;
        }
        else
        {
            var r = await ProcessRunner.RunAsync("mutool", ["convert", "-o", "p%d.svg", "-F", "svg", "-O", "text=path", Path.GetFileName(file)], work, settings.Timeout, null, ct);
            if (r.ExitCode != 0) return null;
        }
        var result = new List<string>();
        for (var i = 1; i <= pages; i++)
        {
            var candidates = new[] { $"p{i}.svg", $"p{i:D2}.svg", $"p{i:D3}.svg", $"p{i:D4}.svg" };
            var path = candidates.Select(c => Path.Combine(work, c)).FirstOrDefault(File.Exists);
            if (path is null) return result;
            result.Add(File.ReadAllText(path));
        }
        return result;
    }

    [GeneratedRegex(@"\\includegraphics\s*(\[[^\]]*\])?\s*\{([^}]+)\}")] private static partial Regex IncludeGraphics();

    /// <summary>Copies images that equations include from the document folder into the work directory (paths stay inside it).</summary>
    private static void CopyResources(List<MathFragment> list, MathSettings settings, string work)
    {
        if (settings.ResourceDirectory is null) return;
        var root = Path.GetFullPath(settings.ResourceDirectory);
        foreach (var f in list)
            foreach (Match m in IncludeGraphics().Matches(f.Tex))
            {
                var rel = m.Groups[2].Value.Trim();
                var source = Path.GetFullPath(Path.Combine(root, rel));
                if (!source.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(source)) continue;
                var target = Path.Combine(work, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, true);
            }
    }

    internal static string Source(IReadOnlyList<MathFragment> list, MathSettings settings)
    {
        var sb = new StringBuilder();
        var size = settings.FontSize.ToString(CultureInfo.InvariantCulture);
        sb.Append($"\\documentclass[{size}pt]{{article}}\n");
        sb.Append(settings.Preamble);
        sb.Append("\\usepackage{varwidth}\n\\usepackage[active,tightpage]{preview}\n\\setlength\\PreviewBorder{0pt}\n");
        sb.Append("\\newsavebox\\bkbox\n\\begin{document}\n");
        for (var i = 0; i < list.Count; i++)
        {
            var f = list[i];
            var (open, close) = f.Mode switch
            {
                MathMode.Inline => ("$", "$"),
                MathMode.Display => ("$\\displaystyle ", "$"),
                _ => ("\\begin{varwidth}{\\textwidth}", "\\end{varwidth}"),
            };
            sb.Append($"\\typeout{{BKB:{i}}}\\sbox\\bkbox{{{open}%\n");
            sb.Append(f.Tex.Replace("\r", "")).Append("%\n");
            sb.Append($"{close}}}\\typeout{{BKM:{i}:\\the\\ht\\bkbox:\\the\\dp\\bkbox:\\the\\wd\\bkbox}}\\begin{{preview}}\\usebox\\bkbox\\end{{preview}}\n");
        }
        sb.Append("\\end{document}\n");
        return sb.ToString();
    }
}
