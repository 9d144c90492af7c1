using System.Diagnostics;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Latex;
using Bookish.Model;
using Bookish.Security;
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
        var root = ProjectRoot.ForInput(options.Input, options.Root);
        if (options.Root is not null && !Directory.Exists(root.Path))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InputNotFound, SourceSpan.At(options.Root, 0, 0), "--root: no such folder"));
            return new BuildResult(diagnostics.ToList(), output);
        }
        if (OutputProblem(output, root, options.Input) is { } refused)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.OutputRefused, SourceSpan.At(output, 0, 0), refused));
            return new BuildResult(diagnostics.ToList(), output);
        }

        // One build per output folder; the folders of killed builds (named with their process id) go first.
        using var outputLock = await OutputLock.AcquireAsync(output, options.LockWait, options.Waiting, cancellationToken);
        if (outputLock is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.OutputLocked, SourceSpan.At(output, 0, 0),
                $"another build is writing this output folder (lock {OutputLock.PathFor(output)}); waited {options.LockWait.TotalSeconds:0} s"));
            return new BuildResult(diagnostics.ToList(), output);
        }
        TempFolders.SweepBeside(output);
        TempFolders.SweepTemp();
        try
        {
            return await BuildLockedAsync(options, output, root, diagnostics, timings, watch, Lap, cancellationToken);
        }
        finally
        {
            await TempFolders.SettleAsync();
        }
    }

    private static async Task<BuildResult> BuildLockedAsync(BuildOptions options, string output, ProjectRoot root, DiagnosticBag diagnostics,
        Dictionary<string, TimeSpan> timings, Stopwatch watch, Action<string> lap, CancellationToken cancellationToken)
    {
        var publication = DeepStack.Run(() => InputReader.Read(options.Input, diagnostics, root));
        if (publication is null) return new BuildResult(diagnostics.ToList(), output);
        if (publication.Pages.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.DialectSyntax, SourceSpan.At(options.Input, 1, 1), "the document has no pages (a root without <include>s, or no readable chapter); nothing to build"));
            return new BuildResult(diagnostics.ToList(), output);
        }
        publication = Numbering.Apply(publication);
        ReportUnknownReferences(publication, diagnostics);
        CheckTexIncludes(publication, root, diagnostics);
        lap("read");

        var templates = Templates.Directory(options.TemplatesDirectory);
        var stage = await BuildStagesAsync(publication, options, root, templates, diagnostics, timings, watch, cancellationToken);

        // Swap the staging folder in; the previous output stays whole until this point.
        var staging = TempFolders.Beside(output, "staging");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (relative, bytes) in stage.Files)
            {
                if (StagedPath(staging, relative, diagnostics) is not { } path) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            }
            foreach (var (relative, source) in stage.Copies)
            {
                if (StagedPath(staging, relative, diagnostics) is not { } path) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(source, path, true);
            }
            options.BeforeSwap?.Invoke(staging);
            cancellationToken.ThrowIfCancellationRequested();
            Swap(staging, output);
        }
        catch
        {
            TempFolders.Delete(staging);
            throw;
        }
        lap("publish");
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
        var old = TempFolders.Beside(output, "old");
        Directory.Move(output, old);
        Directory.Move(staging, output);
        TempFolders.Delete(old);
    }

    /// <summary>A file name derived from the document, placed in the staging folder: null (and an error) when it would leave it.</summary>
    private static string? StagedPath(string staging, string relative, DiagnosticBag diagnostics)
    {
        var path = Path.GetFullPath(Path.Combine(staging, relative));
        if (!Path.IsPathRooted(relative) && ProjectPaths.IsInside(staging, path) && path != staging) return path;
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.OutputNameRefused, SourceSpan.None with { Path = relative }, $"'{relative}' would be written outside the output folder; not written"));
        return null;
    }

    /// <summary>
    /// Why the output folder may not be written, or null: it is a symbolic link, it goes through a link below the
    /// working folder (a link a repository could hold), or it is the project (or holds it), which the swap would replace.
    /// </summary>
    internal static string? OutputProblem(string output, ProjectRoot root, string input)
    {
        if (LinkProblem(output, "output folder") is { } link) return link + "; give a real folder with -o";
        if (File.Exists(output)) return "the output path is a file, not a folder";
        var real = ProjectPaths.RealPath(output) ?? output;
        if (ProjectPaths.IsInside(real, root.Path)) return $"the output folder {output} is the project folder or holds it; a build replaces its output folder as a whole";
        var inputReal = ProjectPaths.RealPath(Path.GetFullPath(input));
        if (inputReal is not null && ProjectPaths.IsInside(real, inputReal)) return $"the output folder {output} holds the input; a build replaces its output folder as a whole";
        return null;
    }

    /// <summary>
    /// A folder Bookish writes (output, cache) must not be a symbolic link, nor go through one below the working folder:
    /// a repository can hold such links (<c>output -> ~/.ssh</c>), and writing through them writes elsewhere.
    /// </summary>
    internal static string? LinkProblem(string folder, string what)
    {
        var full = Path.GetFullPath(folder);
        if (new DirectoryInfo(full).LinkTarget is { } target) return $"the {what} is a symbolic link (to {target})";
        var cwd = Path.GetFullPath(Directory.GetCurrentDirectory());
        if (ProjectPaths.IsInside(cwd, full) && full != cwd)
            for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > cwd.Length; dir = Path.GetDirectoryName(dir))
                if (new DirectoryInfo(dir).LinkTarget is not null) return $"the {what} goes through the symbolic link {dir}";
        return null;
    }

    private static void ReportUnknownReferences(Publication publication, DiagnosticBag diagnostics)
    {
        foreach (var page in publication.Pages)
            foreach (var x in ModelWalker.Inlines(page).OfType<CrossRef>())
                if (page.Labels.Find(x.Label) is null)
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, x.Span, $"unknown label '{x.Label}'"));
    }
}
