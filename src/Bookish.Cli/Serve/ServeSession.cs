using System.Diagnostics;
using System.Text.Json;
using Bookish.Diagnostics;
using Bookish.Serving;

namespace Bookish.Cli.Serve;

/// <summary>
/// One serve session: builds once, then rebuilds on every batch of changes the watcher hands over, tells the open
/// pages (Server-Sent Events) and the terminal, and typesets the PDF in the background after a quiet moment, cancelling
/// it when a newer edit arrives. Bad input never stops it; a bug in a rebuild is shown like a diagnostic and the
/// last good pages stay.
/// </summary>
internal sealed class ServeSession(LiveBuilder builder, LiveEvents events, bool pdf, TextWriter terminal)
{
    /// <summary>How long the sources must be quiet before the PDF is typeset (so typing does not start pdflatex each time).</summary>
    public static readonly TimeSpan PdfDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _pdfGate = new();
    private CancellationTokenSource? _pdfRun;
    private HashSet<string> _printedWarnings = new(StringComparer.Ordinal);

    public LiveBuilder Builder => builder;
    /// <summary>Print each stage's time after every rebuild (BOOKISH_TRACE=1).</summary>
    private static readonly bool Timings = Environment.GetEnvironmentVariable("BOOKISH_TRACE") is { Length: > 0 };
    public LiveSnapshot Snapshot { get; private set; } = LiveSnapshot.Empty;
    public PdfState Pdf { get; private set; } = pdf ? new PdfState("waiting", 0) : PdfState.Off;
    /// <summary>A rebuild that failed with an exception (a bug): shown in the overlay until the next good rebuild.</summary>
    public string? InternalError { get; private set; }

    /// <summary>Rebuilds on each batch until cancelled.</summary>
    public async Task RunAsync(SiteWatcher watcher, CancellationToken ct)
    {
        await RebuildAsync([], ct);
        try
        {
            while (await watcher.Batches.WaitToReadAsync(ct))
            {
                var changed = new HashSet<string>(StringComparer.Ordinal);
                while (watcher.Batches.TryRead(out var batch)) changed.UnionWith(batch);
                CancelPdf();
                await RebuildAsync(changed.Contains("") ? [] : changed, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally { CancelPdf(); }
    }

    public async Task RebuildAsync(IReadOnlyCollection<string> changed, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            // A file caught mid-save (replaced or removed between listing and reading) is read again a moment later.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Snapshot = await builder.RebuildAsync(changed, ct);
                    break;
                }
                catch (IOException) when (attempt < 3)
                {
                    await Task.Delay(100, ct);
                }
            }
            InternalError = null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            InternalError = $"internal error while rebuilding: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
            Snapshot = Snapshot with { Version = Snapshot.Version + 1, Built = false, Rebuilt = [] };
            if (Environment.GetEnvironmentVariable("BOOKISH_TRACE") is { Length: > 0 }) terminal.WriteLine(e);
        }
        Report(watch.Elapsed);
        events.Publish("build", JsonSerializer.Serialize(new ServeBuildEvent(Snapshot.Version, Snapshot.Rebuilt, Snapshot.Built, Errors().Count()), ServeJson.Default.ServeBuildEvent));
        if (pdf && Snapshot.Built) SchedulePdf(Snapshot.Version, ct);
    }

    /// <summary>Every error now: the build's, the background PDF's (for this build), and an internal error.</summary>
    public IEnumerable<Diagnostic> Diagnostics() =>
        Snapshot.Diagnostics.Concat(Pdf.ForVersion == Snapshot.Version ? Pdf.Diagnostics : []);

    private IEnumerable<Diagnostic> Errors() => Diagnostics().Where(d => d.IsError);

    private void Report(TimeSpan elapsed)
    {
        var s = Snapshot;
        if (InternalError is not null) terminal.WriteLine("bookish: " + InternalError + "; the last good page stays");
        var warnings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in s.Diagnostics)
        {
            var line = DiagnosticFormatter.Text(d);
            if (d.IsError) terminal.WriteLine(line);
            else if (warnings.Add(line) && !_printedWarnings.Contains(line)) terminal.WriteLine(line);
        }
        _printedWarnings = warnings;
        var errors = s.Errors;
        var what = !s.Built
            ? "could not read the document; the last good page stays"
            : $"rebuilt {string.Join(", ", s.Rebuilt.Select(p => p + ".html"))} in {elapsed.TotalMilliseconds:0} ms ({s.Equations} equations, {s.NewEquations} new)"
              + (Timings ? " [" + string.Join(", ", s.Timings.Select(t => $"{t.Stage} {t.Time.TotalMilliseconds:0}")) + "]" : "");
        terminal.WriteLine($"bookish: {what}; {errors} error(s), {s.Diagnostics.Count - errors} warning(s)");
    }

    private void CancelPdf()
    {
        lock (_pdfGate)
        {
            _pdfRun?.Cancel();
            _pdfRun = null;
        }
    }

    private void SchedulePdf(int version, CancellationToken ct)
    {
        var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
        lock (_pdfGate)
        {
            _pdfRun?.Cancel();
            _pdfRun = run;
        }
        _ = Task.Run(async () =>
        {
            var watch = new Stopwatch();
            try
            {
                await Task.Delay(PdfDelay, run.Token);
                watch.Start();
                SetPdf(Pdf with { State = "building", ForVersion = version, Message = null });
                var (bytes, diagnostics) = await builder.BuildPdfAsync(run.Token);
                run.Token.ThrowIfCancellationRequested();
                var errors = diagnostics.Where(d => d.IsError).ToList();
                foreach (var d in errors) terminal.WriteLine(DiagnosticFormatter.Text(d));
                SetPdf(bytes is null
                    ? new PdfState("failed", version, Pdf.Bytes, errors.FirstOrDefault()?.Message ?? "pdflatex wrote no PDF", watch.Elapsed) { Diagnostics = diagnostics }
                    : new PdfState("ready", version, bytes, errors.Count == 0 ? null : $"{errors.Count} LaTeX error(s), shown as markers in the PDF", watch.Elapsed) { Diagnostics = diagnostics });
                terminal.WriteLine($"bookish: PDF {Pdf.State} in {watch.Elapsed.TotalSeconds:0.0} s" + (Pdf.Message is { } m ? $" ({m})" : ""));
            }
            catch (OperationCanceledException) { }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A missing pdflatex or sandbox fails the PDF only; the page keeps being served.
                SetPdf(new PdfState("failed", version, Pdf.Bytes, e.Message.ReplaceLineEndings(" "), watch.Elapsed));
                terminal.WriteLine("bookish: PDF failed: " + Pdf.Message);
            }
        }, CancellationToken.None);
    }

    private void SetPdf(PdfState state)
    {
        Pdf = state;
        events.Publish("pdf", JsonSerializer.Serialize(new ServePdfEvent(state.State, state.ForVersion), ServeJson.Default.ServePdfEvent));
    }
}
