using System.Diagnostics;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Latex;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Publishing;

/// <summary>
/// Orders the stages (read -> number -> render math -> HTML -> PDF) and is the only code that writes under the
/// output folder: everything is built into a staging folder beside the target, which replaces it in one move.
/// </summary>
public static partial class Publisher
{
    public static async Task<BuildResult> BuildAsync(BuildOptions options, CancellationToken cancellationToken = default)
    {
        Toolchain.PerfTrace.Mark("publisher start");
        var diagnostics = new DiagnosticBag();
        var timings = new Dictionary<string, TimeSpan>();
        var watch = Stopwatch.StartNew();
        void Lap(string stage) { Toolchain.PerfTrace.Mark("end " + stage); timings[stage] = watch.Elapsed; watch.Restart(); options.StageDone?.Invoke(stage); }

        var name = InputReader.NameOf(options.Input);
        var output = Path.GetFullPath(options.OutputDirectory ?? Path.Combine("output", name));
        var publication = InputReader.Read(options.Input, diagnostics);
        if (publication is null) return new BuildResult(diagnostics.ToList(), output);
        publication = Numbering.Apply(publication);
        ReportUnknownReferences(publication, diagnostics);
        Lap("read");

        var templates = Templates.Directory(options.TemplatesDirectory);
        var stage = await BuildStagesAsync(publication, options, templates, diagnostics, timings, watch, cancellationToken);

        // Swap the staging folder in; the previous output stays whole until this point.
        var staging = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (relative, bytes) in stage.Files)
            {
                var path = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            }
            foreach (var (relative, source) in stage.Copies)
            {
                var path = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(source, path, true);
            }
            options.BeforeSwap?.Invoke(staging);
            cancellationToken.ThrowIfCancellationRequested();
            Swap(staging, output);
        }
        catch
        {
            try { Directory.Delete(staging, true); } catch (IOException) { }
            throw;
        }
        Lap("publish");
        return new BuildResult(diagnostics.ToList(), output)
        {
            Publication = publication,
            MathFragments = stage.MathFragments,
            MathRendered = stage.MathRendered,
            TexRuns = stage.TexRuns,
            PdfPath = stage.PdfName is null ? null : Path.Combine(output, stage.PdfName),
            Timings = timings,
        };
    }

    private static void Swap(string staging, string output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        var old = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.old-{Guid.NewGuid():N}");
        Directory.Move(output, old);
        Directory.Move(staging, output);
        try { Directory.Delete(old, true); } catch (IOException) { }
    }

    private static void ReportUnknownReferences(Publication publication, DiagnosticBag diagnostics)
    {
        foreach (var page in publication.Pages)
            foreach (var x in ModelWalker.Inlines(page).OfType<CrossRef>())
                if (page.Labels.Find(x.Label) is null)
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, x.Span, $"unknown label '{x.Label}'"));
    }
}
