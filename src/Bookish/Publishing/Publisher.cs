using System.Diagnostics;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Pipeline;
using Bookish.Model;
using Bookish.Security;
using Bookish.Text;

namespace Bookish.Publishing;

/// <summary>
/// The build's entry point: refuses unusable inputs and output folders, takes the output folder's lock, and runs the
/// stages of the Pipeline folder in order (read, number, checks, math, HTML and PDF writers, publish).
/// </summary>
public static partial class Publisher
{
    public static string DefaultCacheDirectory => MathStage.DefaultCacheDirectory;

    /// <summary>The math settings a build of this publication keys and renders its fragments with.</summary>
    internal static MathSettings MathSettingsFor(Publication publication, BuildOptions options, IEnumerable<MacroDefinition>? extraMacros = null) =>
        MathStage.SettingsFor(publication, options, extraMacros);

    public static async Task<BuildResult> BuildAsync(BuildOptions options, CancellationToken cancellationToken = default)
    {
        Toolchain.PerfTrace.Mark("publisher start");
        var name = InputReader.NameOf(options.Input);
        var output = Path.GetFullPath(options.OutputDirectory ?? Path.Combine("output", name));
        var root = ProjectRoot.ForInput(options.Input, options.Root);
        BuildResult Refused(Diagnostic d, BuildKind kind) => new([d], output) { Kind = kind };
        if (options.Root is not null && !Directory.Exists(root.Path))
            return Refused(Diagnostic.Error(DiagnosticIds.InputNotFound, SourceSpan.At(options.Root, 0, 0), "--root: no such folder"), BuildKind.BadInput);
        if (OutputProblem(output, root, options.Input) is { } refused)
            return Refused(Diagnostic.Error(DiagnosticIds.OutputRefused, SourceSpan.At(output, 0, 0), refused), BuildKind.BadInput);

        // One build per output folder; the folders of killed builds (named with their process id) go first.
        using var outputLock = await OutputLock.AcquireAsync(output, options.LockWait, options.Waiting, cancellationToken);
        if (outputLock is null)
            return Refused(Diagnostic.Error(DiagnosticIds.OutputLocked, SourceSpan.At(output, 0, 0),
                $"another build is writing this output folder (lock {OutputLock.PathFor(output)}); waited {options.LockWait.TotalSeconds:0} s"), BuildKind.Errors);
        TempFolders.SweepBeside(output);
        TempFolders.SweepTemp();
        try
        {
            return await RunStagesAsync(new Build(options, output, root, Templates.Directory(options.TemplatesDirectory)), cancellationToken);
        }
        finally
        {
            await TempFolders.SettleAsync();
        }
    }

    /// <summary>The stages in order, each taking the earlier stages' results (see docs/architecture.md).</summary>
    private static async Task<BuildResult> RunStagesAsync(Build build, CancellationToken ct)
    {
        var options = build.Options;
        var timings = new Dictionary<string, TimeSpan>();
        var watch = Stopwatch.StartNew();
        void Lap(string stage) { Toolchain.PerfTrace.Mark("end " + stage); timings[stage] = watch.Elapsed; watch.Restart(); options.StageDone?.Invoke(stage); }
        BuildResult Result(Build b, BuildKind kind = BuildKind.Errors) => new(Sorted(b.Diagnostics), b.Output) { Kind = kind };

        void Starting(string stage, string message) => options.Progress?.Report(new BuildProgress(stage, message));
        using var katex = MathML.MathMLStage.Prestart(options);
        Starting("read", "reading the document");
        build = build with { Read = ReadStage.Run(options.Input, build.Root) };
        if (build.Read.Publication is not { } read) return Result(build, build.Read.Kind);
        // Python cells run (or come from the freeze cache) before numbering: their figures and tables are numbered like any other.
        var python = await PythonStage.RunAsync(read, options, options.CacheDirectory, build.Output, PythonStage.ExecuteRequested(read, options), ct);
        read = python.Publication;
        build = build with { Read = build.Read with { Publication = read, Diagnostics = [.. build.Read.Diagnostics, .. python.Diagnostics] } };
        build = build with { Numbered = NumberStage.Number(read, build.Root) };
        Lap("read");
        build = build with { Numbered = await NumberStage.WithInstalledPackagesAsync(build.Numbered, ct, options.Toolchain) };
        var publication = build.Publication;

        Starting("checks", "checking derivative claims and notation");
        build = build with { Checks = CheckStage.Run(publication) };
        Lap("checks");

        build = build with { Template = HtmlStage.Template(publication, build.Root, build.Templates) };
        var rendering = MathStage.RunAsync(publication, build.Checks, options, ct);
        // The screen readers' MathML (KaTeX in Node, or the cache) is made while TeX works.
        var checksForMathML = build.Checks;
        var mathml = Task.Run(() => MathML.MathMLStage.Run(publication, checksForMathML, options, katex), ct);
        // HTML set-up that does not depend on the maths runs while TeX does (queued after the TeX batches).
        var warmUp = Task.Run(() => HtmlWriter.WarmUp(build.Template.Html), ct);
        build = build with { Math = await rendering };

        // The PDF needs only the model, the checks and which equations failed (not the MathML): it is typeset while
        // the MathML is finished and the HTML is assembled.
        var checks = build.Checks;
        var forPdf = build.Math;
        build = build with { Formats = OutputFormats.For(publication, options) };
        if (build.Formats.Pdf) Starting("pdf", "typesetting the PDF (pdflatex) while writing the page");
        else Starting("html", "writing the page");
        var pdf = build.Formats.Pdf ? Task.Run(() => LatexStage.RunAsync(publication, checks, forPdf, options, build.Root, build.Templates, ct), ct) : null;
        build = build with { Math = build.Math with { MathML = await mathml } };
        var math = build.Math;
        Lap("math");
        // Without a PDF (--no-pdf) the one an earlier build wrote is kept, never deleted; the page marks it when stale.
        var kept = build.Formats.Pdf ? null : KeptPdf.Find(build.Output, publication, options.Input);
        await warmUp;
        build = build with { Html = HtmlStage.Run(publication, checks, math, build.Template, options, build.Root, build.Templates, pdfLink: kept?.Link) };
        Lap("html");
        if (build.Formats.Epub)
        {
            Starting("epub", "writing the EPUB");
            build = build with { Epub = EpubStage.Run(publication, checks, math, build.Html, build.Root, build.Templates) };
            Lap("epub");
        }
        if (kept is not null) build = build with { Pdf = kept.AsStageResult() };
        if (pdf is not null)
        {
            build = build with { Pdf = await pdf };
            Lap("pdf");
        }

        Starting("publish", "publishing");
        build = build with { Published = await PublishStage.RunAsync(build.Output, build.Staged, options.BeforeSwap, ct) };
        Lap("publish");
        return Result(build, BuildKind.Succeeded) with
        {
            Publication = publication,
            MathFragments = math.Fragments.Count,
            MathRendered = math.Rendered.Count,
            TexRuns = math.TexRuns,
            MathFromCache = math.FromCache,
            MathML = math.MathML,
            OutputWritten = true,
            PythonProcesses = python.PythonProcesses,
            PythonCellsRun = python.CellsRun,
            PythonCellsFromCache = python.CellsFromCache,
            PdfPath = build.Pdf?.PdfName is { } pdfName ? Path.Combine(build.Output, pdfName) : null,
            EpubPath = build.Epub?.EpubName is { } epubName ? Path.Combine(build.Output, epubName) : null,
            Timings = timings,
        };
    }

    /// <summary>Diagnostics by place (path, line, column); those at one place keep the order the stages reported them.</summary>
    internal static IReadOnlyList<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        bag.AddRange(diagnostics);
        return bag.ToList();
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
}
