using System.Globalization;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Text;
using Bookish.Toolchain;

namespace Bookish.Latex;

/// <summary>The PDF a build produced (null only when TeX could produce none at all) and what went wrong, at source spans.</summary>
internal sealed record PdfResult(byte[]? Pdf, IReadOnlyList<Diagnostic> Diagnostics, int Runs);

/// <summary>
/// Compiles generated LaTeX with pdflatex in a private work directory (-no-shell-escape, nonstop, a timeout on each run).
/// The PDF is never lost to one bad construct: an error is mapped to the source span that produced its line, that
/// piece is written again as a visible marker (<see cref="LatexWriterContext.Failed"/>) and TeX runs again; what
/// cannot be mapped is reported and the PDF TeX wrote anyway is kept. Speed: the document-independent preamble is a
/// dumped TeX format (<see cref="TexFormat"/>, shared with the equation renderer's machinery); runs before the last are
/// <c>-draftmode</c> (no PDF written, no image read); and TeX runs again only while the auxiliary files it reads
/// (.aux, .toc, .lof, .lot) change, and only when the document uses them at all.
/// </summary>
internal static partial class PdfBuilder
{
    private const int MaxRepairs = 3;
    private const int MaxFinalRuns = 3;
    /// <summary>Blocks that may be written as markers for making no progress (each costs one stall time).</summary>
    private const int MaxStalls = 8;
    private static readonly string[] AuxiliaryFiles = ["document.aux", "document.toc", "document.lof", "document.lot"];

    [GeneratedRegex(@"^Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\) detected at line (\d+)", RegexOptions.Multiline)] private static partial Regex OverfullDisplay();
    [GeneratedRegex(@"^Overfull \\[hv]box \((\d+(?:\.\d+)?)pt too", RegexOptions.Multiline)] private static partial Regex OverfullBoxes();
    [GeneratedRegex(@"\\(tableofcontents|listoffigures|listoftables|ref\{|eqref\{|pageref\{|autoref\{|nameref\{|hyperref\[|cite\{)")] private static partial Regex UsesAuxiliary();

    /// <param name="rewrite">Writes the document again with the given failed pieces as markers and display equations shrunk; null: no repair.</param>
    /// <param name="toolchain">Runs pdflatex and the format dump (default: the real one).</param>
    /// <param name="stall">
    /// How long a run may go without printing a progress marker (<see cref="PdfProgress"/>) before it is stopped and the
    /// block it was in becomes a marker (default: the whole run's <paramref name="timeout"/>).
    /// </param>
    public static async Task<PdfResult> BuildAsync(LatexDocument document, string resourceRoot, string sourcePath, TimeSpan timeout, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, byte[]>? generated = null, Func<IReadOnlyDictionary<SourceSpan, string>, IReadOnlySet<SourceSpan>, LatexDocument>? rewrite = null,
        IToolchain? toolchain = null, TimeSpan? stall = null)
    {
        toolchain ??= CliToolchain.Shared;
        var work = Security.TempFolders.Create("pdf");
        var diagnostics = new List<Diagnostic>();
        var runs = 0;
        try
        {
            foreach (var (relative, bytes) in (generated ?? new Dictionary<string, byte[]>()).Concat(document.Generated))
                WriteInside(work, relative, bytes);
            CopyResources(document, resourceRoot, work);

            var format = document.FormatLines > 0 ? await TexFormat.GetAsync(toolchain, Head(document), timeout, cancellationToken) : null;
            PerfTrace.Mark(format is null ? "pdf without format" : "pdf format ready");
            var failed = new Dictionary<SourceSpan, string>();
            var shrink = new DisplayShrink();

            // One pdflatex invocation for every run, watched for progress.
            async Task<(ProcessResult Result, string Log, WatchedRun Watch)> RunTexAsync(bool draft)
            {
                runs++;
                PerfTrace.Mark(draft ? "pdflatex draft start" : "pdflatex start");
                var invocation = ToolInvocation.Tex("pdflatex", work, timeout,
                    [.. (draft ? ["-draftmode"] : Array.Empty<string>()), .. (format is null ? Array.Empty<string>() : ["-fmt=" + format]), "document.tex"]) with
                {
                    Variables = format is null ? null : TexEnvironment.WithFormats(),
                    ReadOnly = format is null ? [] : [TexFormat.Directory],
                };
                var watch = await StallWatch.RunAsync(toolchain, invocation, document.ProgressMarker, stall ?? timeout, cancellationToken);
                var r = watch.Result;
                var logPath = Path.Combine(work, "document.log");
                PerfTrace.Mark("pdflatex end");
                return (r, File.Exists(logPath) ? await File.ReadAllTextAsync(logPath, cancellationToken) : r.StandardOutput, watch);
            }
            var stalls = 0;
            // A run stopped for making no progress: the block it was in becomes a marker (true), or the PDF cannot be had (false).
            bool Stalled((ProcessResult Result, string Log, WatchedRun Watch) run)
            {
                if (rewrite is null || stalls >= MaxStalls || !run.Watch.Stalled || run.Watch.LastMarker is not { } line || document.SpanOf(line) is not { } span || failed.ContainsKey(span)) return false;
                stalls++;
                var message = $"TeX made no progress for {(stall ?? timeout).TotalSeconds:0.#} s in this block (an endless macro loop?) and was stopped";
                failed[span] = message;
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.TexTimeout, span, message + " (shown as a marker in the PDF)"));
                document = rewrite(failed, shrink);
                foreach (var (relative, bytes) in document.Generated) WriteInside(work, relative, bytes);
                CopyResources(document, resourceRoot, work);
                WriteDocument(work, document, format);
                return true;
            }

            // A run stopped where no block can be blamed (the preamble, the same block again): no PDF, and why.
            PdfResult Lost(WatchedRun watch) => TimedOut(sourcePath, watch.Stalled
                ? $"pdflatex made no progress for {(stall ?? timeout).TotalSeconds:0.#} s and was stopped"
                : $"pdflatex did not finish within {timeout.TotalSeconds:0.#} s", diagnostics, runs);

            var needsAuxiliary = UsesAuxiliary().IsMatch(document.Tex);
            WriteDocument(work, document, format);
            // The draft typesets the contents from the seed, so its page numbers are already those of the final layout.
            if (document.TocSeed.Length > 0) File.WriteAllText(Path.Combine(work, "document.toc"), document.TocSeed);
            (ProcessResult Result, string Log, WatchedRun Watch) run;
            // Draft runs until every error has been replaced by a marker (or none can be), then final runs.
            for (var repair = 0; ; repair++)
            {
                run = await RunTexAsync(draft: needsAuxiliary);
                if (run.Result.TimedOut && Stalled(run)) { repair--; continue; }
                if (run.Result.TimedOut) return Lost(run.Watch);
                if (format is not null && RefusedFormat(run.Log + run.Result.StandardOutput))
                {
                    TexFormat.Discard(format);
                    format = null;
                    WriteDocument(work, document, format);
                    continue;
                }
                var newFailures = Errors(document, run.Log)
                    .Where(e => e.Span is { IsNone: false } s && !failed.ContainsKey(s)).ToList();
                var overfull = Overfull(document, run.Log).ToList();
                var newShrinks = overfull.Select(o => o.Span).Where(s => !shrink.Contains(s)).Distinct().ToList();
                if (rewrite is null || repair >= MaxRepairs || (newFailures.Count == 0 && newShrinks.Count == 0)) break;
                foreach (var e in newFailures)
                {
                    if (failed.TryAdd(e.Span!, e.Message))
                        diagnostics.Add(Diagnostic.Error(DiagnosticIds.PdfError, e.Span!, "LaTeX error in the PDF: " + e.Message + " (shown as a marker in the PDF)"));
                }
                foreach (var (s, pt) in overfull) shrink.OverflowPt[s] = Math.Max(pt, shrink.OverflowPt.GetValueOrDefault(s));
                foreach (var s in newShrinks)
                    if (shrink.Add(s))
                        diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PdfShrunkEquation, s, "display equation wider than the text: shrunk to fit in the PDF"));
                document = rewrite(failed, shrink);
                foreach (var (relative, bytes) in document.Generated) WriteInside(work, relative, bytes);
                CopyResources(document, resourceRoot, work);
                WriteDocument(work, document, format);
            }

            if (needsAuxiliary)
            {
                // The draft wrote the auxiliary files the final run reads; run again only while they still change.
                var read = Auxiliary(work);
                for (var i = 0; i < MaxFinalRuns; i++)
                {
                    run = await RunTexAsync(draft: false);
                    if (run.Result.TimedOut && Stalled(run)) { i--; continue; }
                    if (run.Result.TimedOut) return Lost(run.Watch);
                    var written = Auxiliary(work);
                    if (written == read) break;
                    read = written;
                }
            }

            PerfTrace.Mark($"pdf: {runs} pdflatex runs, {OverfullBoxes().Matches(run.Log).Count(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) > 1)} overfull boxes wider than 1 pt");
            // Whatever is still wrong is reported with TeX's words; the PDF TeX wrote anyway is kept.
            foreach (var e in Errors(document, run.Log))
            {
                var span = e.Span ?? SourceSpan.At(sourcePath, 0, 0);
                if (e.Span is not null && failed.ContainsKey(e.Span)) continue;
                var d = Diagnostic.Error(DiagnosticIds.PdfError, span, "LaTeX error in the PDF: " + e.Message);
                if (!diagnostics.Any(x => x.Span == d.Span && x.Message == d.Message)) diagnostics.Add(d);
            }
            if (document.EndMarker is { } end && !run.Log.Contains(end, StringComparison.Ordinal) && !diagnostics.Any(d => d.Severity == Severity.Error))
                // Something ended the run before the document's end (an end primitive reached by another name): the PDF is short.
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.PdfError, SourceSpan.At(sourcePath, 0, 0),
                    "the PDF run ended before the end of the document (something in it ended TeX early); the PDF is incomplete"));
            var pdf = Path.Combine(work, "document.pdf");
            if (File.Exists(pdf)) return new PdfResult(File.ReadAllBytes(pdf), diagnostics, runs);
            if (!diagnostics.Any(d => d.Severity == Severity.Error))
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.PdfError, SourceSpan.At(sourcePath, 0, 0),
                    "pdflatex wrote no PDF: " + string.Join(" ", run.Log.Split('\n').TakeLast(4)).Trim()));
            return new PdfResult(null, diagnostics, runs);
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }

    private static PdfResult TimedOut(string sourcePath, string message, List<Diagnostic> diagnostics, int runs)
    {
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.PdfError, SourceSpan.At(sourcePath, 0, 0), message));
        return new PdfResult(null, diagnostics, runs);
    }

    /// <summary>The document-independent preamble: the lines the format holds.</summary>
    internal static string Head(LatexDocument document) =>
        string.Join("\n", document.Tex.Split('\n').Take(document.FormatLines)) + "\n";

    /// <summary>The .tex TeX reads: with a format, its lines are blank (so TeX's line numbers still match the line map).</summary>
    private static void WriteDocument(string work, LatexDocument document, string? format)
    {
        var tex = document.Tex;
        if (format is not null)
        {
            var lines = tex.Split('\n');
            tex = new string('\n', document.FormatLines) + string.Join("\n", lines.Skip(document.FormatLines));
        }
        File.WriteAllText(Path.Combine(work, "document.tex"), tex);
    }

    private static bool RefusedFormat(string output) =>
        output.Contains("---! ", StringComparison.Ordinal) || output.Contains("Fatal format file error", StringComparison.Ordinal)
        || output.Contains("I can't find the format file", StringComparison.Ordinal);

    private static string Auxiliary(string work) =>
        string.Join("\0", AuxiliaryFiles.Select(f => Path.Combine(work, f)).Select(p => File.Exists(p) ? File.ReadAllText(p) : ""));

    private static void WriteInside(string work, string relative, byte[] bytes)
    {
        var to = Path.GetFullPath(Path.Combine(work, relative));
        if (!to.StartsWith(work, StringComparison.Ordinal)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.WriteAllBytes(to, bytes);
    }

    private static void CopyResources(LatexDocument document, string resourceRoot, string work)
    {
        foreach (var resource in document.Resources.Distinct())
        {
            var from = Path.GetFullPath(Path.Combine(resourceRoot, resource));
            var to = Path.GetFullPath(Path.Combine(work, resource));
            if (!File.Exists(from) || File.Exists(to) || !to.StartsWith(work, StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, true);
        }
    }

    private sealed record MappedError(SourceSpan? Span, string Message);

    /// <summary>Every error of the log with TeX's own words, at the source span of its line.</summary>
    private static List<MappedError> Errors(LatexDocument document, string log) =>
        TexLog.Errors(log).Select(e =>
        {
            // TeX's context may show Bookish's progress marker before the block: never print the run's token.
            var message = ProgressMarkerText().Replace(TexLog.Describe(log, e), "").Trim();
            // "\begin{itemize} on input line 53 ended by \end{document}": the fault is where the environment began.
            var line = OpenedAt().Match(message) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : e.Line;
            return new MappedError(line > 0 ? document.SpanOf(line) : null, message);
        }).DistinctBy(e => (e.Span, e.Message)).Take(50).ToList();

    [GeneratedRegex(@"\\begin\{[^}]*\} on input line (\d+) ended by")] private static partial Regex OpenedAt();

    [GeneratedRegex(@"\\typeout\{BKP:[a-z]+:\d+\}\s*")] private static partial Regex ProgressMarkerText();

    /// <summary>Display equations (TeX: "Overfull \hbox (X pt too wide) detected at line N", rows of an alignment too) more than 1 pt wider than the text.</summary>
    private static IEnumerable<(SourceSpan Span, double Pt)> Overfull(LatexDocument document, string log) =>
        OverfullDisplay().Matches(log)
            .Select(m => (Pt: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Span: document.SpanOf(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))))
            .Where(o => o.Pt > 1 && o.Span is not null && document.DisplayMath.Contains(o.Span))
            .Select(o => (o.Span!, o.Pt));
}
