using System.CommandLine;
using System.CommandLine.Help;
using Bookish.Equations;
using Bookish.Publishing;
using Bookish.Toolchain;

namespace Bookish.Cli;

/// <summary>Parses the command line and maps results to exit codes; all work happens in the library.</summary>
internal static partial class BookishCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Named "bookish" whatever the program file is called (Bookish.Cli.dll, the tool's shim, the launcher).
        var root = new Command("bookish", "Bookish: Markdown-with-math to responsive HTML and PDF, with real TeX equations.")
        {
            new HelpOption(), new VersionOption(),
        };
        root.Subcommands.Add(BuildCommand());
        foreach (var extra in ExtraCommands()) root.Subcommands.Add(extra);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine("bookish: " + e.Message);
            Console.Error.WriteLine("Run 'bookish --help' for usage.");
            return ExitCodes.Usage;
        }
        ApplySandboxChoice(parse);
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cts.Token);
        }
        catch (ToolMissingException e)
        {
            // Every package still missing, in one line to run (the launcher installs them; the installed tool never runs apt).
            var missing = await MissingPackages.FindAsync();
            if (missing.Count == 0) missing = e.Package.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Console.Error.WriteLine($"bookish: error: '{e.Tool}' was not found on PATH; install the missing Debian packages with:");
            Console.Error.WriteLine("  " + MissingPackages.AptGetLine(missing, Environment.IsPrivilegedProcess));
            return ExitCodes.MissingTool;
        }
        catch (SandboxUnavailableException e)
        {
            Console.Error.WriteLine("bookish: error: " + e.Message);
            return ExitCodes.MissingTool;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("bookish: cancelled; the previous output was left as it was");
            return 130;
        }
        catch (Exception e)
        {
            // Bad input is a diagnostic before this point; whatever lands here is a bug.
            Console.Error.WriteLine($"bookish: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            if (Environment.GetEnvironmentVariable("BOOKISH_TRACE") is { Length: > 0 }) Console.Error.WriteLine(e);
            return ExitCodes.Internal;
        }
    }

    /// <summary>--root DIR: the project root every path a document names must lie in (default: the input's folder).</summary>
    internal static Option<string?> RootOption() => new("--root")
    {
        Description = "Project root: every file the document names must lie inside it, links followed (default: the input's folder)",
    };

    private static readonly Option<string> Format = DiagnosticsFormat();

    /// <summary>--format for build, check and convert: refused before any work when it is not one of these.</summary>
    internal static Option<string> DiagnosticsFormat()
    {
        var format = new Option<string>("--format")
        {
            Description = "Diagnostics format: pretty (source excerpt and caret; the default on a terminal), text (one line each; the default otherwise), json or github",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "pretty", "text", "json", "github");
        return format;
    }

    /// <summary>The format asked for, with "auto" resolved for the stream the diagnostics go to.</summary>
    internal static string FormatFor(ParseResult parse, Option<string> format, bool redirected) =>
        parse.GetValue(format) is "auto" or null ? DiagnosticPrinter.Auto(redirected) : parse.GetValue(format)!;

    private static Command BuildCommand()
    {
        var input = InputArgument("A Markdown file, a folder holding index.md, or a bookish XML root file");
        var output = new Option<string?>("--output", "-o") { Description = "Output folder (default: output/<name>)" };
        var noPdf = new Option<bool>("--no-pdf") { Description = "Skip the PDF" };
        var epub = new Option<bool>("--epub") { Description = "Also write an EPUB 3 book (<name>.epub); formats: [html, pdf, epub] in front matter does too" };
        var keepTex = new Option<bool>("--keep-tex") { Description = "Leave the generated .tex beside the PDF" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Equation cache folder (default: ~/.cache/bookish/equations, or under $XDG_CACHE_HOME)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Render every equation, bypassing the cache" };
        var engine = new Option<string>("--math-engine") { Description = "dvi (latex, then Bookish draws the DVI from the Type 1 fonts; default), pdflatex (pdflatex + mutool) or dvisvgm (latex + dvisvgm)", DefaultValueFactory = _ => "dvi" };
        engine.AcceptOnlyFromAmong("dvi", "pdflatex", "dvisvgm");
        var font = new Option<string>("--math-font") { Description = "cm (Computer Modern, default), palatino (pairs with the page's Palatino-like body) or times", DefaultValueFactory = _ => "cm" };
        font.AcceptOnlyFromAmong("cm", "palatino", "times");
        var docCss = new Option<bool>("--doc-css") { Description = "Also apply the document's own style sheets (legacy <css file>)" };
        var timings = new Option<bool>("--timings") { Description = "Print the time each stage took" };
        var mathOut = new Option<string>("--math") { Description = "svg (default) or png: also write every equation as a 2x PNG and use it in the page", DefaultValueFactory = _ => "svg" };
        mathOut.AcceptOnlyFromAmong("svg", "png");
        var format = Format;
        var projectRoot = RootOption();
        var execute = new Option<bool>("--execute") { Description = "Run the document's Python cells (in the sandbox); also 'execute: true' in the front matter" };
        var noExecute = new Option<bool>("--no-execute") { Description = "Never run Python cells, even when the front matter says 'execute: true' (untrusted pull requests)" };
        var refresh = new Option<bool>("--refresh") { Description = "With --execute: run every Python cell again instead of using saved results" };
        var pythonTimeout = new Option<double>("--python-timeout") { Description = "Seconds one Python cell may run (default 30)", DefaultValueFactory = _ => 30 };
        var cmd = new Command("build", "Build HTML and PDF from a document") { input, output, noPdf, epub, keepTex, cacheDir, noCache, engine, font, docCss, mathOut, timings, format, projectRoot, UnsafeNoSandbox, Untrusted, TexTimeout, PdfTimeout, BuildTimeout, execute, noExecute, refresh, pythonTimeout };
        cmd.SetAction(async (parse, ct) =>
        {
            if (!ValidTimeouts(parse)) return ExitCodes.Usage;
            if (UntrustedConflict(parse, execute, refresh) is { } conflict)
            {
                Console.Error.WriteLine(conflict);
                return ExitCodes.Usage;
            }
            var untrusted = parse.GetValue(Untrusted);
            if (parse.GetValue(pythonTimeout) is var pt && (pt <= 0 || pt > 86400))
            {
                Console.Error.WriteLine("bookish: --python-timeout must be a number of seconds between 0 and 86400");
                return ExitCodes.Usage;
            }
            var done = new List<string>();
            var options = new BuildOptions(parse.GetValue(input)!)
            {
                TexTimeout = TimeSpan.FromSeconds(parse.GetValue(TexTimeout)),
                PdfTimeout = TimeSpan.FromSeconds(parse.GetValue(PdfTimeout)),
                StageDone = stage => { lock (done) done.Add(stage); },
                OutputDirectory = parse.GetValue(output),
                Pdf = !parse.GetValue(noPdf),
                Epub = parse.GetValue(epub),
                KeepTex = parse.GetValue(keepTex),
                CacheDirectory = parse.GetValue(cacheDir),
                UseCache = !parse.GetValue(noCache) && !untrusted,
                Untrusted = untrusted,
                Engine = parse.GetValue(engine) switch { "dvisvgm" => MathEngine.LatexDvisvgm, "pdflatex" => MathEngine.PdfLatexMutool, _ => MathEngine.LatexDvi },
                MathFont = parse.GetValue(font)!,
                DocumentCss = parse.GetValue(docCss),
                MathPng = parse.GetValue(mathOut) == "png",
                Root = parse.GetValue(projectRoot),
                Execute = parse.GetValue(execute),
                NoExecute = parse.GetValue(noExecute) || untrusted,
                RefreshPython = parse.GetValue(refresh),
                PythonCellTimeout = TimeSpan.FromSeconds(parse.GetValue(pythonTimeout)),
                Waiting = lockPath => Console.Error.WriteLine($"bookish: another build is writing this output folder; waiting (lock {lockPath})"),
            };
            var budget = parse.GetValue(BuildTimeout);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (budget > 0) limit.CancelAfter(TimeSpan.FromSeconds(budget));
            var fmt = FormatFor(parse, format, Console.IsErrorRedirected);
            Bookish.Publishing.BuildResult result;
            try { result = await ProgressDisplay.RunAsync(ProgressDisplay.ModeFor(fmt), progress => Publisher.BuildAsync(options with { Progress = progress }, limit.Token)); }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                string[] stages;
                lock (done) stages = done.ToArray();
                Console.Error.WriteLine($"{options.Input}: error {Bookish.Diagnostics.DiagnosticIds.BuildTimeout}: the build did not finish within --timeout {budget:0.###} s and was stopped; " +
                    $"stages done: {(stages.Length == 0 ? "none" : string.Join(", ", stages))}; the previous output was left as it was");
                return ExitCodes.Errors;
            }
            DiagnosticPrinter.Print(result.Diagnostics, fmt, Console.Error, color: fmt == "pretty" && Colors);
            if (fmt is "text" or "pretty") Console.Error.WriteLine("bookish: " + BuildSummary.Line(result, Directory.GetCurrentDirectory()));
            if (parse.GetValue(timings))
                Console.Error.WriteLine("bookish: " + string.Join(", ", result.Timings.Select(t => $"{t.Key} {t.Value.TotalMilliseconds:0} ms")));
            return ExitCodes.For(result.Kind);
        });
        return cmd;
    }

    /// <summary>ANSI colours on a terminal unless NO_COLOR is set (https://no-color.org).</summary>
    internal static bool Colors => Environment.GetEnvironmentVariable("NO_COLOR") is not { Length: > 0 };

    /// <summary>A path argument that rejects option-like tokens (unknown options are usage errors, not file names).</summary>
    internal static Argument<string> InputArgument(string description, string name = "input")
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(r =>
        {
            var value = r.Tokens.FirstOrDefault()?.Value;
            if (value is not null && value.StartsWith('-') && value.Length > 1) r.AddError($"unknown option '{value}'");
        });
        return argument;
    }

    /// <summary>Further commands (check, parity, derivcheck, convert, bench) register here.</summary>
    private static IEnumerable<Command> ExtraCommands() =>
    [
        CheckCommand(),
        DerivCheckCommand(),
        ParityCommand.Create(),
        ConvertCommand(),
        NewCommand.Create(),
        ServeCommand(),
    ];
}
