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
internal sealed partial class TexBatchRenderer : IMathRenderer
{
    /// <summary>TeX processes running at once (set from the settings at the start of each render).</summary>
    private SemaphoreSlim _slots = new(Environment.ProcessorCount);

    /// <summary>Runs TeX and the converters.</summary>
    private readonly IToolchain _toolchain;

    /// <param name="toolchain">The programs' seam (default: the real, sandboxed toolchain).</param>
    public TexBatchRenderer(IToolchain? toolchain = null) => _toolchain = toolchain ?? CliToolchain.Shared;

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

        _slots = new SemaphoreSlim(Math.Max(1, settings.Parallelism));
        _suspectSlots = new SemaphoreSlim(SuspectRuns(settings));
        PerfTrace.Mark("partitioned");
        var parallelism = Math.Max(1, Math.Min(settings.Parallelism, (runnable.Count + 24) / 25));
        // Isolated: one fragment per TeX process (the slots keep at most Parallelism running).
        var chunkSize = settings.Isolated ? 1 : Math.Max(1, (runnable.Count + parallelism - 1) / parallelism);
        // Each batch starts on its own thread: preparing one (directory, source, process start) does not delay the other.
        var work = runnable.Chunk(chunkSize).Select(c => Task.Run(() => RenderChunkAsync(c.ToList(), settings, settings, cancellationToken), cancellationToken)).ToList();
        foreach (var pdfChunk in settings.Isolated ? viaPdf.Chunk(1).Select(c => c.ToList()) : viaPdf.Count > 0 ? [viaPdf] : [])
            work.Add(Task.Run(() => RenderChunkAsync(pdfChunk, settings with { Engine = MathEngine.PdfLatexMutool }, settings, cancellationToken), cancellationToken));
        // While TeX runs: find the fonts most documents use.
        if (settings.Engine == MathEngine.LatexDvi && runnable.Count > 0)
            _ = Task.Run(() => TexFonts.Shared.PrefetchAsync(cancellationToken, _toolchain), cancellationToken).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
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
    /// <param name="suspect">The fragments came after a loop: they run in the larger pool of <see cref="_suspectSlots"/>.</param>
    /// <remarks>
    /// After a failure the parts still to render run concurrently. After a stall (an endless loop) the fragments after
    /// the loop may hold more loops: they are split into up to <see cref="StallPieces"/> pieces that all run at once,
    /// in a pool of their own (a looping TeX holds its place for the whole stall time whatever the number of cores), so
    /// several loops in one batch cost about two stall times in all, not one each.
    /// </remarks>
    private async Task<ChunkOutcome> RenderChunkAsync(List<MathFragment> list, MathSettings settings, MathSettings keys, CancellationToken ct, bool suspect = false)
    {
        var outcome = new ChunkOutcome([], [], 0);
        if (list.Count == 0) return outcome;
        RunResult run;
        var slots = suspect ? _suspectSlots : _slots;
        await slots.WaitAsync(ct);
        try { run = await RunOnceAsync(list, settings, keys, ct); }
        finally { slots.Release(); }
        // An error in the preamble (a package or macro of the author's) is reported at its line; no equation is blamed.
        ReportPreamble(run.PreambleErrors, settings, outcome.Diagnostics);
        if (run.PreambleBroken) return outcome with { TexRuns = 1 };
        var more = new List<Task<ChunkOutcome>>();
        if (run.Unsupported.Count > 0)
            // Pages the DVI writer cannot draw (a virtual or non-Type 1 font, an unknown special): pdfTeX draws them.
            foreach (var part in settings.Isolated ? run.Unsupported.Select(i => new List<MathFragment> { list[i] }) : [run.Unsupported.Select(i => list[i]).ToList()])
                more.Add(RenderChunkAsync(part, settings with { Engine = MathEngine.PdfLatexMutool }, keys, ct));
        foreach (var (k, v) in run.Rendered) outcome.Rendered[k] = v;
        foreach (var (index, message) in run.Failures.ToList())
            foreach (var span in list[index].Spans)
                outcome.Diagnostics.Add(Diagnostic.Error(DiagnosticIds.TexError, AtBrace(span, list[index].Tex), Explain(message, list[index].Tex)));
        if (run.Culprit is { } culprit)
        {
            var f = list[culprit];
            foreach (var span in f.Spans)
                outcome.Diagnostics.Add(Diagnostic.Error(run.TimedOut ? DiagnosticIds.TexTimeout : DiagnosticIds.TexError, AtBrace(span, f.Tex), Explain(run.Message ?? "TeX failed", f.Tex)));
            var rest = list.Skip(culprit + 1).ToList();
            if (run.TimedOut)
                foreach (var piece in Pieces(rest, Math.Min(StallPieces, rest.Count / MinPiece))) more.Add(RenderChunkAsync(piece, settings, keys, ct, suspect: true));
            else more.Add(RenderChunkAsync(rest, settings, keys, ct));
            if (run.Rendered.Count == 0) more.Add(RenderChunkAsync(list.Take(culprit).ToList(), settings, keys, ct));
        }
        else if (run.Failed)
        {
            // Nothing identifies the culprit: bisect, both halves at once.
            if (list.Count == 1)
            {
                foreach (var span in list[0].Spans)
                    outcome.Diagnostics.Add(Diagnostic.Error(run.TimedOut ? DiagnosticIds.TexTimeout : DiagnosticIds.TexError, AtBrace(span, list[0].Tex), Explain(run.Message ?? "TeX failed", list[0].Tex)));
            }
            else
            {
                more.Add(RenderChunkAsync(list.Take(list.Count / 2).ToList(), settings, keys, ct, suspect: run.TimedOut));
                more.Add(RenderChunkAsync(list.Skip(list.Count / 2).ToList(), settings, keys, ct, suspect: run.TimedOut));
            }
        }
        var runs = 1;
        foreach (var o in await Task.WhenAll(more))
        {
            foreach (var (k, v) in o.Rendered) outcome.Rendered[k] = v;
            outcome.Diagnostics.AddRange(o.Diagnostics);
            runs += o.TexRuns;
        }
        return outcome with { TexRuns = runs };
    }

    /// <summary>TeX's words, plus a hint when they name Bookish's own wrapper rather than the author's text.</summary>
    private static string Explain(string message, string tex) =>
        MathJaxHint(tex) is { } hint ? ExplainBraces(ForAuthor(message), tex) + "\n" + hint : ExplainBraces(ForAuthor(message), tex);

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

    [GeneratedRegex(@"^BKB:([a-z]+):(\d+)\s*$", RegexOptions.Multiline)] private static partial Regex BeginMarker();
    [GeneratedRegex(@"^BKM:([a-z]+):(\d+):([0-9.\-]+)pt:([0-9.\-]+)pt:([0-9.\-]+)pt\s*$", RegexOptions.Multiline)] private static partial Regex MetricMarker();
    [GeneratedRegex(@"^.*BK[BM]:.*$", RegexOptions.Multiline)] private static partial Regex MarkerLike();

    private async Task<RunResult> RunOnceAsync(List<MathFragment> list, MathSettings settings, MathSettings keys, CancellationToken ct)
    {
        var work = Security.TempFolders.Create("tex");
        try
        {
            CopyResources(list, settings, work);
            // Bookish's own files last: an image named like one of them never replaces it.
            foreach (var (name, text) in Files(list, settings)) File.WriteAllText(Path.Combine(work, name), text);
            // A token per run: only marker lines carrying it count, so a fragment cannot forge another's metrics.
            var token = TexLockdown.NewToken();
            var (formatPart, documentPart) = Source(list, settings, token);
            var dvi = settings.Engine != MathEngine.PdfLatexMutool;
            PerfTrace.Mark("source written");
            var format = await TexFormat.GetAsync(_toolchain, formatPart, TimeSpan.FromSeconds(Math.Max(60, settings.Timeout.TotalSeconds)), ct);
            PerfTrace.Mark("format found");
            // The whole run's bound is generous; the per-fragment bound is the watchdog's (no progress for settings.Timeout).
            var timeout = settings.Timeout * 2 + TimeSpan.FromSeconds(0.5 * list.Count);
            PerfTrace.Mark($"tex start {list.Count}");
            var tex = await RunWatchedAsync(work, format, formatPart, documentPart, dvi, timeout, settings.Timeout, token, ct);
            if (format is not null && !tex.TimedOut && tex.ExitCode != 0 && tex.StandardOutput.Contains("format file", StringComparison.OrdinalIgnoreCase))
            {
                // A format this pdfTeX refuses: forget it and run from the system format.
                TexFormat.Discard(format);
                tex = await RunWatchedAsync(work, null, formatPart, documentPart, dvi, timeout, settings.Timeout, token, ct);
            }
            PerfTrace.Mark("tex end");
            var logPath = Path.Combine(work, Job + ".log");
            var log = File.Exists(logPath) ? File.ReadAllText(logPath) : "";
            if (tex.TimedOut)
            {
                var printed = tex.StandardOutput + "\n" + log;
                var begun = Markers(BeginMarker(), printed, token).Select(m => m.Index).DefaultIfEmpty(-1).Max();
                var done = Markers(MetricMarker(), printed, token).Select(m => m.Index).DefaultIfEmpty(-1).Max();
                var message = $"TeX made no progress for {settings.Timeout.TotalSeconds:0.#} s (an endless macro loop?) and was stopped";
                // The fragment that began and never finished is the culprit; without that evidence, bisect.
                return begun > done ? new RunResult([], begun, message, true, true) : new RunResult([], null, message, true, true);
            }

            var errors = TexLog.Errors(log);
            var beginPositions = Markers(BeginMarker(), log, token).ToList();
            // An error before the first fragment began is the preamble's (a package, a macro the author wrote): never an equation's.
            int FragmentAt(int logPosition) => beginPositions.Where(b => b.Position < logPosition).Select(b => b.Index).DefaultIfEmpty(-1).Last();

            var metricMatches = Markers(MetricMarker(), log, token).ToList();
            var metrics = new Dictionary<int, (double Ht, double Dp, double Wd)>();
            foreach (var m in metricMatches)
                metrics[m.Index] = (Dimension(m.Match.Groups[3].Value), Dimension(m.Match.Groups[4].Value), Dimension(m.Match.Groups[5].Value));
            var outFile = Path.Combine(work, Job + (dvi ? ".dvi" : ".pdf"));

            var failedFragments = new Dictionary<int, string>();
            var preambleErrors = new Dictionary<int, string>();
            foreach (var e in errors)
            {
                var idx = FragmentAt(e.LogPosition);
                if (idx < 0) { PreambleError(log, e, preambleErrors); continue; }
                if (!failedFragments.ContainsKey(idx)) failedFragments[idx] = TexLog.Describe(log, e);
            }
            // Lines that look like markers but are not Bookish's (wrong token, repeated, out of order) come from a fragment.
            if (Forgery(log, token, beginPositions, metricMatches, list.Count) is { } forged)
            {
                // A TeX error that swallowed Bookish's own marker (a runaway argument) explains the disorder best.
                var culprit = failedFragments.Count > 0 && failedFragments.Keys.Min() <= FragmentAt(forged) ? failedFragments.Keys.Min() : FragmentAt(forged);
                return new RunResult([], culprit, failedFragments.GetValueOrDefault(culprit)
                    ?? "the equation printed a line imitating Bookish's log markers (forged output is not accepted)", false, true);
            }

            PerfTrace.Mark("convert start");
            // Each fragment's page count is verified before any picture is assigned: from the counts TeX wrote on each DVI page,
            // or Bookish wrote into each PDF page's dictionary.
            int?[]? pageOf = null;
            var pageCount = list.Count;
            PerfTrace.Mark("counts start");
            if (File.Exists(outFile) && (dvi ? Dvi.DviCounts.Read(await File.ReadAllBytesAsync(outFile, ct)) : PdfCounts.Read(await File.ReadAllBytesAsync(outFile, ct))) is { } counts)
            {
                var (map, problems) = AssignPages(counts, list.Count);
                pageOf = map;
                pageCount = counts.Count;
                foreach (var (i, why) in problems)
                    if (metrics.ContainsKey(i)) failedFragments.TryAdd(i, why);
            }
            PerfTrace.Mark("counts read");
            var unsupported = new List<int>();
            List<DrawnPage?>? drawn = !File.Exists(outFile) || settings.Engine != MathEngine.LatexDvi ? null : await DrawDviAsync(outFile, work, list.Count, metrics, unsupported, pageOf, ct);
            List<string?>? svgs = !File.Exists(outFile) ? null
                : drawn is not null ? drawn.Select(d => d?.ToSvg()).ToList()
                : (await ConvertAsync(outFile, work, dvi, pageCount, settings, ct))?.Cast<string?>().ToList();
            if (svgs is not null && pageOf is not null && drawn is null)
                svgs = pageOf.Select(k => k is { } page && page < svgs.Count ? svgs[page] : null).ToList();
            PerfTrace.Mark("convert end");
            if (svgs is null || svgs.Count != list.Count || metrics.Count != list.Count)
            {
                if (failedFragments.Count > 0)
                {
                    var first = failedFragments.Keys.Min();
                    return new RunResult([], first, failedFragments[first], false, true) { PreambleErrors = preambleErrors };
                }
                if (preambleErrors.Count > 0) return new RunResult([], null, null, false, false) { PreambleErrors = preambleErrors, PreambleBroken = true };
                if (svgs is not null && svgs.Count != list.Count && list.Count == 1)
                    return new RunResult([], 0, $"the equation made {svgs.Count} pages instead of one (\\shipout and extra pages are not allowed)", false, true);
                return new RunResult([], null, "TeX produced no output: " + LastLines(log), false, true) { PreambleErrors = preambleErrors };
            }

            var rendered = new Dictionary<string, RenderedMath>();
            // What ran before each fragment in this TeX (a fragment's \gdef reaches the ones after it): kept with its picture.
            var context = list.Select(f => f.Key(keys)).ToArray();
            for (var i = 0; i < list.Count; i++)
            {
                if (failedFragments.ContainsKey(i) || svgs[i] is not { } svg) continue;
                var (ht, dp, wd) = metrics[i];
                // Converters copy some document text into their SVG (dvisvgm's raw specials): only Bookish's elements stay.
                // Glyph outlines leave the markup as data, named by content: Bookish's drawing gives them so, a converter's SVG is split.
                var (picture, glyphs) = settings.Engine switch
                {
                    MathEngine.LatexDvi => (svg, drawn![i]!.Outlines),
                    MathEngine.LatexDvisvgm => SvgPage.SplitGlyphs(SvgPage.Clean(SvgPage.WithTexBox(svg, ht, dp, wd))),
                    _ => SvgPage.SplitGlyphs(SvgPage.Clean(svg)),
                };
                if (SvgSanitizer.Clean(picture) is not { } clean)
                {
                    failedFragments[i] = "the picture made from this equation is not valid SVG";
                    continue;
                }
                rendered[list[i].Key(keys)] = new RenderedMath(clean, wd / settings.FontSize, ht / settings.FontSize, dp / settings.FontSize)
                    { Glyphs = glyphs, Context = new ArraySegment<string>(context, 0, i) };
            }
            PerfTrace.Mark("clean end");
            return new RunResult(rendered, null, null, false, false) { PreambleErrors = preambleErrors, Failures = failedFragments, Unsupported = unsupported.Where(i => !failedFragments.ContainsKey(i)).ToList() };
        }
        finally
        {
            // Removing a few hundred files is not on the critical path.
            Security.TempFolders.DeleteLater(work);
        }
    }

    private static double Dimension(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private readonly record struct Marker(int Index, int Position, Match Match);

    /// <summary>Marker lines carrying this run's token.</summary>
    private static IEnumerable<Marker> Markers(Regex regex, string text, string token) =>
        regex.Matches(text).Where(m => m.Groups[1].Value == token).Select(m => new Marker(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Index, m));

    /// <summary>
    /// The log position of the first sign of a forged or disordered marker: a marker-like line without this run's
    /// token, or markers not in the order Bookish wrote them (each fragment's begin, then its metrics, once).
    /// </summary>
    private static int? Forgery(string log, string token, List<Marker> begins, List<Marker> metrics, int count)
    {
        foreach (Match m in MarkerLike().Matches(log))
        {
            // Only whole lines count (what \typeout prints); TeX's error context echoing Bookish's source does not start with them.
            var line = m.Value.TrimEnd('\r');
            if (!line.StartsWith("BKB:", StringComparison.Ordinal) && !line.StartsWith("BKM:", StringComparison.Ordinal)) continue;
            var valid = (BeginMarker().Match(line) is { Success: true } b && b.Groups[1].Value == token)
                || (MetricMarker().Match(line) is { Success: true } k && k.Groups[1].Value == token);
            if (!valid) return m.Index;
        }
        var sequence = begins.Select(b => (b.Position, Kind: 0, b.Index)).Concat(metrics.Select(k => (k.Position, Kind: 1, k.Index))).OrderBy(x => x.Position).ToList();
        for (var i = 0; i < sequence.Count; i++)
        {
            var expected = (Kind: i % 2, Index: i / 2);
            if (sequence[i].Kind != expected.Kind || sequence[i].Index != expected.Index || expected.Index >= count) return sequence[i].Position;
        }
        return null;
    }

    /// <summary>
    /// One TeX run with a watchdog on its output: when no marker line arrives for <paramref name="stall"/> (a fragment
    /// that loops), the process is stopped at once instead of at the end of the whole run's bound.
    /// </summary>
    private async Task<ProcessResult> RunWatchedAsync(string work, string? format, string formatPart, string documentPart, bool dvi,
        TimeSpan timeout, TimeSpan stall, string token, CancellationToken ct)
    {
        using var stop = new CancellationTokenSource();
        var last = System.Diagnostics.Stopwatch.GetTimestamp();
        var options = new ProcessOptions
        {
            Stop = stop.Token,
            OnOutputLine = line =>
            {
                if (line.StartsWith("BK", StringComparison.Ordinal) && line.Contains(token, StringComparison.Ordinal))
                    Interlocked.Exchange(ref last, System.Diagnostics.Stopwatch.GetTimestamp());
                // TeX has the batch file open and waits until it is gone (see Source).
                if (line.StartsWith(OpenedMarker(token), StringComparison.Ordinal)) ReleaseBatch(work);
            },
        };
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watchdog = Task.Run(async () =>
        {
            try
            {
                while (!watching.IsCancellationRequested)
                {
                    await Task.Delay(100, watching.Token);
                    if (System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref last)) > stall) { stop.Cancel(); return; }
                }
            }
            catch (OperationCanceledException) { }
        });
        try { return await RunTexAsync(work, format, formatPart, documentPart, dvi, timeout, ct, options); }
        finally
        {
            watching.Cancel();
            await watchdog;
        }
    }

    /// <summary>
    /// One TeX run: from Bookish's format when there is one (the preamble is then already loaded), else from the system
    /// LaTeX format with the whole source.
    /// </summary>
    private Task<ProcessResult> RunTexAsync(string work, string? format, string formatPart, string documentPart, bool dvi, TimeSpan timeout, CancellationToken ct,
        ProcessOptions? options = null)
    {
        File.WriteAllText(Path.Combine(work, "math.tex"), format is null ? formatPart + documentPart : documentPart);
        var invocation = format is null
            ? ToolInvocation.Tex(dvi ? "latex" : "pdflatex", work, timeout, "-jobname=" + Job, "math.tex")
            : ToolInvocation.Tex("pdftex", work, timeout, "-progname=" + (dvi ? "latex" : "pdflatex"), "-fmt=" + format, "-jobname=" + Job, "math.tex") with
            {
                Variables = TexEnvironment.WithFormats(),
                ReadOnly = [TexFormat.Directory],
            };
        return _toolchain.RunAsync(invocation with { LineBuffered = true, OnOutputLine = options?.OnOutputLine, Stop = options?.Stop ?? default }, ct);
    }

    /// <summary>Bookish's own DVI-to-SVG: glyph outlines from the Type 1 fonts, no converter process. Null entries: pages it cannot draw.</summary>
    private async Task<List<DrawnPage?>?> DrawDviAsync(string file, string work, int pages, Dictionary<int, (double Ht, double Dp, double Wd)> metrics, List<int> unsupported,
        int?[]? pageOf, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(file, ct);
        Dvi.DviFile dviFile;
        Dictionary<string, Dvi.TexFont?> fonts;
        try
        {
            var defined = Dvi.DviFile.ReadFonts(bytes, out _);
            fonts = await TexFonts.Shared.LoadAsync(defined.Values.Select(f => f.Name), ct, _toolchain);
            dviFile = Dvi.DviFile.Read(bytes, (f, code) => fonts.GetValueOrDefault(f.Name)?.Metrics.Width(code, f.Scale), f => fonts.GetValueOrDefault(f.Name)?.Virtual);
        }
        catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidOperationException)
        {
            // An unreadable DVI file: pdfTeX draws every page instead.
            unsupported.AddRange(Enumerable.Range(0, pages));
            return Enumerable.Repeat<DrawnPage?>(null, pages).ToList();
        }
        var result = new List<DrawnPage?>();
        // One entry per fragment, its own page (see AssignPages); without page counts, pages in order and every page
        // listed, so a fragment that shipped pages of its own makes the count differ from the fragments'.
        var count = pageOf?.Length ?? dviFile.Pages.Count;
        for (var i = 0; i < count; i++)
        {
            DrawnPage? page = null;
            var k = pageOf is null ? i : pageOf[i];
            if (k is { } index && index < dviFile.Pages.Count && metrics.TryGetValue(i, out var m))
            {
                page = Dvi.DviSvg.Draw(dviFile.Pages[index], dviFile, fonts, m.Ht, m.Dp, m.Wd, work);
                if (page is null) unsupported.Add(i);
            }
            result.Add(page);
        }
        return result;
    }

    private static string LastLines(string log) =>
        string.Join(" ", log.Replace("\r", "").Split('\n').Where(l => l.Length > 0).TakeLast(3));

    private async Task<List<string>?> ConvertAsync(string file, string work, bool dvi, int pages, MathSettings settings, CancellationToken ct)
    {
        if (dvi)
        {
            var r = await _toolchain.RunAsync(new ToolInvocation("dvisvgm", ["--no-fonts", "--exact-bbox", "--page=1-", "--output=p%p.svg", Path.GetFileName(file)], work, settings.Timeout), ct);
            if (r.ExitCode != 0) return null;
        }
        else
        {
            var r = await _toolchain.RunAsync(new ToolInvocation("mutool", ["convert", "-o", "p%d.svg", "-F", "svg", "-O", "text=path", Path.GetFileName(file)], work, settings.Timeout), ct);
            if (r.ExitCode != 0) return null;
        }
        var result = new List<string>();
        // One page more than fragments is looked for too: a fragment that shipped pages of its own must not go unnoticed.
        for (var i = 1; i <= pages + 1; i++)
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
        var root = new Security.ProjectRoot(settings.ResourceDirectory);
        foreach (var f in list)
            foreach (Match m in IncludeGraphics().Matches(f.Tex))
            {
                var rel = m.Groups[2].Value.Trim();
                // Real paths (links followed) inside the document folder only; the publisher reports the others.
                if (root.Resolve(root.Path, rel) is not { IsReadable: true, RealPath: var source } || !File.Exists(source)) continue;
                var target = Path.GetFullPath(Path.Combine(work, rel));
                if (!Security.ProjectPaths.IsInside(work, target)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, true);
                if (settings.Engine == MathEngine.LatexDvi && PngBox.Of(source) is { } box)
                    File.WriteAllText(Path.ChangeExtension(target, ".bb"), box);
            }
    }

    /// <summary>
    /// The batch's TeX source in two parts: what a format can hold (class, packages) and the rest: after
    /// <c>\begin{document}</c>, the lockdown (<see cref="TexLockdown"/>), the document's own macros, then one page per
    /// fragment with its box metrics written to the log under this run's <paramref name="token"/>.
    /// </summary>
    internal static (string Format, string Document) Source(IReadOnlyList<MathFragment> list, MathSettings settings, string? token = null)
    {
        token ??= TexLockdown.NewToken();
        var format = new StringBuilder();
        var size = settings.FontSize.ToString(CultureInfo.InvariantCulture);
        // Both DVI engines ship each box at the origin (dvisvgm then finds TeX's box at (0, 0), see SvgPage.WithTexBox).
        var own = settings.Engine != MathEngine.PdfLatexMutool;
        var pdf = settings.Engine == MathEngine.PdfLatexMutool;
        if (!pdf) format.Append("\\pdfoutput=0\n");
        format.Append($"\\documentclass[{size}pt]{{article}}\n");
        // The leading \usepackage lines of the shared preamble go into the format; macros stay with the document.
        var lines = settings.Preamble.Replace("\r", "").Split('\n');
        var packages = PackageLines(lines);
        for (var k = 0; k < packages; k++) AppendPreambleLine(format, k, lines[k], settings);
        format.Append("\\usepackage{varwidth}\n");
        // PNG images become PSfile specials with a .bb box (Bookish's DVI writer draws them).
        if (own) format.Append("\\DeclareGraphicsRule{.png}{eps}{.bb}{}\n");
        format.Append("\\newsavebox\\bkbox\n").Append(WrapperMacros);

        var sb = new StringBuilder();
        sb.Append("\\nofiles\n\\begin{document}\n");
        // Before anything of the document runs, the batch file (which holds the token) is removed: TeX says it has it open,
        // Bookish deletes it, and TeX waits here until it can no longer open it. TeX goes on reading its open copy; no
        // document code can \input or \openin it. The log and the DVI/PDF are dot files (the job name), which kpathsea's
        // paranoid mode never opens for reading: a fragment cannot read the markers back either.
        // At most two seconds: should the line never arrive, the batch goes on (this layer only) rather than hang.
        // TeX waits for a go-ahead file that Bookish creates only after the deletion: polling for a file that appears is
        // safe, while polling math.tex itself raced kpathsea's check-then-open as it vanished (pdfTeX then quit with exit 1).
        sb.Append($"\\typeout{{{OpenedMarker(token)}}}\\pdfresettimer\\loop\\openin15={GoFile} \\ifeof15 "
            + "\\ifnum\\pdfelapsedtime<131072 \\def\\bkmore{1}\\else\\def\\bkmore{0}\\fi\\else\\closein15 \\def\\bkmore{0}\\fi\\ifnum\\bkmore=1 \\repeat\n");
        // The images the fragments include, each once, typeset while TeX may still read files.
        var images = new HashSet<(string, string)>();
        foreach (var f in list)
            foreach (Match m in IncludeGraphics().Matches(f.Tex))
            {
                var options = m.Groups[1].Success ? m.Groups[1].Value[1..^1] : "";
                if (images.Add((options, m.Groups[2].Value))) sb.Append(TexLockdown.PreloadImage(options, m.Groups[2].Value));
            }
        // Packages that re-read their own settings with \scantokens do so now, before the lockdown forbids it (TexPackageSetup).
        sb.Append(TexPackageSetup.BeforeLockdown);
        sb.Append(TexLockdown.For(pdf ? LockdownKind.BatchPdf : LockdownKind.BatchDvi, token));
        // Pages are shipped by Bookish alone: whatever a broken fragment leaves on the main vertical list is dropped by the
        // output routine instead of becoming a page of its own (which would shift every later picture).
        sb.Append("\\global\\output={\\setbox0\\box255 \\deadcycles=0 }\n");
        // The document's own macros come after the lockdown, each with a marker so TeX's errors in it land on its source line,
        // from a file of their own (see Files).
        if (AuthorMacros(settings).Length > 0) sb.Append($"\\csname @@input\\endcsname {PreambleFile} \n");
        // Each box is shipped as a page of its own, at the origin; in PDF the page is exactly the box.
        var ship = pdf
            ? "\\hoffset=0pt\\voffset=0pt\\pdfhorigin=0pt\\pdfvorigin=0pt\\pdfpagewidth=\\wd\\bkbox\\pdfpageheight=\\dimexpr\\ht\\bkbox+\\dp\\bkbox\\relax"
              + "\\ifdim\\pdfpagewidth<.01pt \\pdfpagewidth=.01pt\\fi\\ifdim\\pdfpageheight<.01pt \\pdfpageheight=.01pt\\fi" + TexLockdown.Ship(token)
            : TexLockdown.Ship(token);
        // pdfTeX records no counts: Bookish writes them into each page's dictionary itself (PdfCounts).
        var mark = pdf ? PdfCounts.Mark(token) : "";
        for (var i = 0; i < list.Count; i++) AppendFragment(sb, i, list[i], ship, token, mark);
        // Bookish's own end is no fragment's: a page an output routine left by a fragment ships there is nobody's and unused.
        sb.Append("\\global\\count1=-1\\relax" + mark + "\\global\\output={\\setbox0\\box255 \\deadcycles=0 }");
        sb.Append(TexLockdown.End(token));
        return (format.ToString(), sb.ToString());
    }

    /// <summary>The leading <c>\usepackage</c> lines of the shared preamble (they go into the format).</summary>
    private static int PackageLines(string[] lines) => lines.TakeWhile(l => l.StartsWith("\\usepackage", StringComparison.Ordinal)).Count();

    /// <summary>The document's own macros (the preamble after its packages), with their markers.</summary>
    private static string AuthorMacros(MathSettings settings)
    {
        var lines = settings.Preamble.Replace("\r", "").Split('\n');
        var sb = new StringBuilder();
        for (var k = PackageLines(lines); k < lines.Length; k++) if (lines[k].Length > 0) AppendPreambleLine(sb, k, lines[k], settings);
        return sb.ToString();
    }

    /// <summary>The files the batch reads besides <c>math.tex</c>: each fragment's text and the document's macros.</summary>
    internal static Dictionary<string, string> Files(IReadOnlyList<MathFragment> list, MathSettings settings)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++) files[FragmentFile(i)] = FragmentText(list[i]);
        if (AuthorMacros(settings) is { Length: > 0 } macros) files[PreambleFile] = macros;
        return files;
    }

    /// <summary>The job name: TeX's log and DVI/PDF are dot files, which TeX itself may not read in paranoid mode.</summary>
    internal const string Job = ".bkmath";

    /// <summary>The line TeX prints once it has the batch file open (Bookish then deletes the file).</summary>
    internal static string OpenedMarker(string token) => $"BKOPEN:{token}";

    /// <summary>The file whose appearance tells the waiting TeX that the batch file is gone.</summary>
    internal const string GoFile = "bkgo.tex";

    /// <summary>What Bookish does when TeX says it has the batch file open: delete it, then let TeX go on.</summary>
    internal static void ReleaseBatch(string work)
    {
        try { File.Delete(Path.Combine(work, "math.tex")); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (!File.Exists(Path.Combine(work, "math.tex")))
            try { File.WriteAllText(Path.Combine(work, GoFile), ""); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
