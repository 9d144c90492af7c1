using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Equations.Dvi;
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
        PerfTrace.Mark("render start");
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

        // The DVI writer draws PNG images only; a fragment including any other kind goes through pdfTeX and mutool.
        var viaPdf = settings.Engine == MathEngine.LatexDvi ? runnable.Where(NeedsPdf).ToList() : [];
        if (viaPdf.Count > 0) runnable = runnable.Except(viaPdf).ToList();

        PerfTrace.Mark("partitioned");
        var parallelism = Math.Max(1, Math.Min(settings.Parallelism, (runnable.Count + 24) / 25));
        var chunkSize = Math.Max(1, (runnable.Count + parallelism - 1) / parallelism);
        // Each batch starts on its own thread: preparing one (directory, source, process start) does not delay the other.
        var work = runnable.Chunk(chunkSize).Select(c => Task.Run(() => RenderChunkAsync(c.ToList(), settings, settings, cancellationToken), cancellationToken)).ToList();
        if (viaPdf.Count > 0) work.Add(Task.Run(() => RenderChunkAsync(viaPdf, settings with { Engine = MathEngine.PdfLatexMutool }, settings, cancellationToken), cancellationToken));
        // While TeX runs: find the fonts most documents use.
        if (settings.Engine == MathEngine.LatexDvi && runnable.Count > 0)
            _ = Task.Run(() => TexFonts.Shared.PrefetchAsync(cancellationToken), cancellationToken).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        var outcomes = await Task.WhenAll(work);
        var runs = 0;
        var seen = new HashSet<(Text.SourceSpan, string)>();
        foreach (var o in outcomes)
        {
            foreach (var (k, v) in o.Rendered) rendered[k] = v;
            diagnostics.AddRange(Once(o.Diagnostics, seen));
            runs += o.TexRuns;
        }
        return new MathBatchResult(rendered, diagnostics) { TexRuns = runs };
    }

    private sealed record ChunkOutcome(Dictionary<string, RenderedMath> Rendered, List<Diagnostic> Diagnostics, int TexRuns);

    [GeneratedRegex(@"\\includegraphics\s*(\[[^\]]*\])?\s*\{(?![^}]*\.png\s*\})")] private static partial Regex NonPngGraphics();

    private static bool NeedsPdf(MathFragment f) => NonPngGraphics().IsMatch(f.Tex);

    /// <param name="settings">How to run TeX.</param>
    /// <param name="keys">The settings results are filed under (those the caller asked for, even when a fallback ran).</param>
    private async Task<ChunkOutcome> RenderChunkAsync(List<MathFragment> chunk, MathSettings settings, MathSettings keys, CancellationToken ct)
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
            var run = await RunOnceAsync(list, settings, keys, ct);
            ReportPreamble(run.PreambleErrors, settings, outcome.Diagnostics);
            if (run.PreambleBroken) continue;
            if (run.Unsupported.Count > 0)
            {
                // Pages the DVI writer cannot draw (a virtual or non-Type 1 font, an unknown special): pdfTeX draws them.
                var fallback = await RenderChunkAsync(run.Unsupported.Select(i => list[i]).ToList(), settings with { Engine = MathEngine.PdfLatexMutool }, keys, ct);
                foreach (var (k, v) in fallback.Rendered) outcome.Rendered[k] = v;
                outcome.Diagnostics.AddRange(fallback.Diagnostics);
                runs += fallback.TexRuns;
            }
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
                        outcome.Diagnostics.Add(Diagnostic.Error(run.TimedOut ? DiagnosticIds.TexTimeout : DiagnosticIds.TexError, span, Explain(run.Message ?? "TeX failed", list[0].Tex)));
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
    private static string Explain(string message, string tex) =>
        MathJaxHint(tex) is { } hint ? ExplainBraces(message, tex) + "\n" + hint : ExplainBraces(message, tex);

    private static string ExplainBraces(string message, string tex)
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
        /// <summary>Errors in the author's preamble lines, by line index (see <see cref="PreambleMarker"/>).</summary>
        public Dictionary<int, string> PreambleErrors { get; init; } = [];
        /// <summary>The preamble failed so badly that TeX typeset nothing: the fragments are not to blame.</summary>
        public bool PreambleBroken { get; init; }
        /// <summary>Fragments TeX typeset but the DVI writer cannot draw.</summary>
        public List<int> Unsupported { get; init; } = [];
    }

    [GeneratedRegex(@"^BKB:(\d+)\s*$", RegexOptions.Multiline)] private static partial Regex BeginMarker();
    [GeneratedRegex(@"^BKM:(\d+):([0-9.\-]+)pt:([0-9.\-]+)pt:([0-9.\-]+)pt\s*$", RegexOptions.Multiline)] private static partial Regex MetricMarker();

    private async Task<RunResult> RunOnceAsync(List<MathFragment> list, MathSettings settings, MathSettings keys, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("bookish-tex-").FullName;
        try
        {
            CopyResources(list, settings, work);
            var (formatPart, documentPart) = Source(list, settings);
            var dvi = settings.Engine != MathEngine.PdfLatexMutool;
            PerfTrace.Mark("source written");
            var format = await TexFormat.GetAsync(formatPart, settings.Timeout, ct);
            PerfTrace.Mark("format found");
            var timeout = settings.Timeout;
            PerfTrace.Mark($"tex start {list.Count}");
            var tex = await RunTexAsync(work, format, formatPart, documentPart, dvi, timeout, ct);
            if (format is not null && !tex.TimedOut && tex.ExitCode != 0 && tex.StandardOutput.Contains("format file", StringComparison.OrdinalIgnoreCase))
            {
                // A format this pdfTeX refuses: forget it and run from the system format.
                TexFormat.Discard(format);
                tex = await RunTexAsync(work, null, formatPart, documentPart, dvi, timeout, ct);
            }
            PerfTrace.Mark("tex end");
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
            // An error before the first fragment began is the preamble's (a package, a macro the author wrote): never an equation's.
            int FragmentAt(int logPosition) => beginPositions.Where(b => b.Item2 < logPosition).Select(b => b.Index).DefaultIfEmpty(-1).Last();

            var metrics = MetricMarker().Matches(log).ToDictionary(m => int.Parse(m.Groups[1].Value),
                m => (Ht: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Dp: double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), Wd: double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)));
            var outFile = Path.Combine(work, dvi ? "math.dvi" : "math.pdf");

            var failedFragments = new Dictionary<int, string>();
            var preambleErrors = new Dictionary<int, string>();
            foreach (var e in errors)
            {
                var idx = FragmentAt(e.LogPosition);
                if (idx < 0) { PreambleError(log, e, preambleErrors); continue; }
                if (!failedFragments.ContainsKey(idx)) failedFragments[idx] = TexLog.Describe(log, e);
            }

            PerfTrace.Mark("convert start");
            var unsupported = new List<int>();
            List<string?>? svgs = !File.Exists(outFile) ? null
                : settings.Engine == MathEngine.LatexDvi ? await DrawDviAsync(outFile, work, list.Count, metrics, unsupported, ct)
                : (await ConvertAsync(outFile, work, dvi, list.Count, settings, ct))?.Cast<string?>().ToList();
            PerfTrace.Mark("convert end");
            if (svgs is null || svgs.Count != list.Count || metrics.Count != list.Count)
            {
                if (failedFragments.Count > 0)
                {
                    var first = failedFragments.Keys.Min();
                    return new RunResult([], first, failedFragments[first], false, true) { PreambleErrors = preambleErrors };
                }
                if (preambleErrors.Count > 0) return new RunResult([], null, null, false, false) { PreambleErrors = preambleErrors, PreambleBroken = true };
                return new RunResult([], null, "TeX produced no output: " + LastLines(log), false, true) { PreambleErrors = preambleErrors };
            }

            var rendered = new Dictionary<string, RenderedMath>();
            for (var i = 0; i < list.Count; i++)
            {
                if (failedFragments.ContainsKey(i) || svgs[i] is not { } svg) continue;
                var (ht, dp, wd) = metrics[i];
                rendered[list[i].Key(keys)] = new RenderedMath(settings.Engine switch
                {
                    MathEngine.LatexDvi => svg,
                    MathEngine.LatexDvisvgm => SvgPage.Clean(SvgPage.WithTexBox(svg, ht, dp, wd)),
                    _ => SvgPage.Clean(svg),
                }, wd / settings.FontSize, ht / settings.FontSize, dp / settings.FontSize);
            }
            PerfTrace.Mark("clean end");
            return new RunResult(rendered, null, null, false, false) { PreambleErrors = preambleErrors, Failures = failedFragments, Unsupported = unsupported.Where(i => !failedFragments.ContainsKey(i)).ToList() };
        }
        finally
        {
            // Removing a few hundred files is not on the critical path.
            _ = Task.Run(() => { try { Directory.Delete(work, true); } catch (IOException) { } catch (UnauthorizedAccessException) { } });
        }
    }

    /// <summary>
    /// One TeX run: from Bookish's format when there is one (the preamble is then already loaded), else from the system
    /// LaTeX format with the whole source.
    /// </summary>
    private static Task<ProcessResult> RunTexAsync(string work, string? format, string formatPart, string documentPart, bool dvi, TimeSpan timeout, CancellationToken ct)
    {
        File.WriteAllText(Path.Combine(work, "math.tex"), format is null ? formatPart + documentPart : documentPart);
        return format is null
            ? ProcessRunner.RunAsync(dvi ? "latex" : "pdflatex", ["-no-shell-escape", "-interaction=nonstopmode", "math.tex"], work, timeout, TexEnvironment.Variables, ct, lineBuffered: true)
            : ProcessRunner.RunAsync("pdftex", ["-progname=" + (dvi ? "latex" : "pdflatex"), "-fmt=" + format, "-no-shell-escape", "-interaction=nonstopmode", "math.tex"],
                work, timeout, TexEnvironment.WithFormats(), ct, lineBuffered: true);
    }

    /// <summary>Bookish's own DVI-to-SVG: glyph outlines from the Type 1 fonts, no converter process. Null entries: pages it cannot draw.</summary>
    private static async Task<List<string?>?> DrawDviAsync(string file, string work, int pages, Dictionary<int, (double Ht, double Dp, double Wd)> metrics, List<int> unsupported, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(file, ct);
        Dvi.DviFile dviFile;
        Dictionary<string, Dvi.TexFont?> fonts;
        try
        {
            var defined = Dvi.DviFile.ReadFonts(bytes, out _);
            fonts = await TexFonts.Shared.LoadAsync(defined.Values.Select(f => f.Name), ct);
            dviFile = Dvi.DviFile.Read(bytes, (f, code) => fonts.GetValueOrDefault(f.Name)?.Metrics.Width(code, f.Scale), f => fonts.GetValueOrDefault(f.Name)?.Virtual);
        }
        catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidOperationException)
        {
            // An unreadable DVI file: pdfTeX draws every page instead.
            unsupported.AddRange(Enumerable.Range(0, pages));
            return Enumerable.Repeat<string?>(null, pages).ToList();
        }
        var result = new List<string?>();
        for (var i = 0; i < dviFile.Pages.Count && i < pages; i++)
        {
            string? svg = null;
            if (metrics.TryGetValue(i, out var m))
            {
                svg = Dvi.DviSvg.Write(dviFile.Pages[i], dviFile, fonts, m.Ht, m.Dp, m.Wd, work);
                if (svg is null) unsupported.Add(i);
            }
            result.Add(svg);
        }
        return result;
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
                if (settings.Engine == MathEngine.LatexDvi && PngBox.Of(source) is { } box)
                    File.WriteAllText(Path.ChangeExtension(target, ".bb"), box);
            }
    }

    /// <summary>
    /// The batch's TeX source in two parts: what a format can hold (class, packages, Bookish's wrapper) and the rest
    /// (the document's own macros, then one page per fragment with its box metrics written to the log).
    /// </summary>
    internal static (string Format, string Document) Source(IReadOnlyList<MathFragment> list, MathSettings settings)
    {
        var format = new StringBuilder();
        var size = settings.FontSize.ToString(CultureInfo.InvariantCulture);
        // Both DVI engines ship each box at the origin (dvisvgm then finds TeX's box at (0, 0), see SvgPage.WithTexBox).
        var own = settings.Engine != MathEngine.PdfLatexMutool;
        if (settings.Engine != MathEngine.PdfLatexMutool) format.Append("\\pdfoutput=0\n");
        format.Append($"\\documentclass[{size}pt]{{article}}\n");
        // The leading \usepackage lines of the shared preamble go into the format; macros stay with the document.
        var lines = settings.Preamble.Replace("\r", "").Split('\n');
        var packages = lines.TakeWhile(l => l.StartsWith("\\usepackage", StringComparison.Ordinal)).Count();
        for (var k = 0; k < packages; k++) AppendPreambleLine(format, k, lines[k], settings);
        format.Append("\\usepackage{varwidth}\n");
        if (own)
        {
            // Each box is shipped as a page of its own, at the origin; PNG images become PSfile specials with a .bb box.
            format.Append("\\DeclareGraphicsRule{.png}{eps}{.bb}{}\n");
            format.Append("\\def\\bkship{\\csname tex_shipout:D\\endcsname\\hbox{\\usebox\\bkbox}}\n");
        }
        else format.Append("\\usepackage[active,tightpage]{preview}\n\\setlength\\PreviewBorder{0pt}\n");
        format.Append("\\newsavebox\\bkbox\n").Append(WrapperMacros);

        var sb = new StringBuilder();
        for (var k = packages; k < lines.Length; k++) if (lines[k].Length > 0) AppendPreambleLine(sb, k, lines[k], settings);
        sb.Append("\\begin{document}\n");
        var ship = own ? "\\bkship" : "\\begin{preview}\\usebox\\bkbox\\end{preview}";
        for (var i = 0; i < list.Count; i++) AppendFragment(sb, i, list[i], ship);
        sb.Append("\\end{document}\n");
        return (format.ToString(), sb.ToString());
    }
}
