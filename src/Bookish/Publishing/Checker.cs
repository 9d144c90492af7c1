using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Pipeline;
using Bookish.Text;

namespace Bookish.Publishing;

/// <summary>The result of <c>bookish check</c>: diagnostics from the model checks and, in auto mode, the counts.</summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics)
{
    internal AutoCheckReport? Auto { get; init; }
    public int ChecksVerified { get; init; }
    public int ChecksRefuted { get; init; }
    public int ChecksNotCheckable { get; init; }
    /// <summary>Set when the input itself was unusable; otherwise follows the diagnostics. Decides the exit code.</summary>
    public BuildKind Kind
    {
        get => _badInput ? BuildKind.BadInput : Diagnostics.Any(d => d.IsError) ? BuildKind.Errors : BuildKind.Succeeded;
        init => _badInput = value == BuildKind.BadInput;
    }
    private readonly bool _badInput;

    public bool Succeeded => Kind == BuildKind.Succeeded;
}

/// <summary>Runs the checks that need no TeX: notation lint, derivative check blocks, and optionally auto mode.</summary>
public static class Checker
{
    /// <param name="output">A built output folder (HTML + PDF) to compare for parity, or null to skip.</param>
    /// <param name="root">--root: the project root (default: the input's folder).</param>
    /// <param name="declarations">--declarations: a derivative declarations sidecar (YAML) for auto mode, or null.</param>
    public static CheckResult Run(string input, bool autoDerivatives, string? output = null, string? root = null, string? declarations = null) =>
        Security.DeepStack.Run(() => RunDeep(input, autoDerivatives, output, root, declarations));

    private static CheckResult RunDeep(string input, bool autoDerivatives, string? output, string? root, string? declarations)
    {
        var diagnostics = new DiagnosticBag();
        if (root is not null && !Directory.Exists(root))
            return new CheckResult([Diagnostic.Error(DiagnosticIds.InputNotFound, SourceSpan.At(root, 0, 0), "--root: no such folder")]) { Kind = BuildKind.BadInput };
        var read = ReadStage.Run(input, Security.ProjectRoot.ForInput(input, root), "check");
        diagnostics.AddRange(read.Diagnostics);
        if (read.Publication is null) return new CheckResult(diagnostics.ToList()) { Kind = read.Kind };
        // check never runs Python: cells show their code, or the results an executing build saved (no process is started).
        var lowered = PythonStage.RunAsync(read.Publication, new BuildOptions(input), null, null, execute: false, CancellationToken.None).GetAwaiter().GetResult();
        diagnostics.AddRange(lowered.Diagnostics);
        var publication = Numbering.Apply(lowered.Publication);
        var outcome = CheckStage.Run(publication, lintAlways: true);
        diagnostics.AddRange(outcome.Diagnostics);
        AutoCheckReport? auto = null;
        DerivativeSidecar? sidecar = null;
        if (declarations is not null)
        {
            if (!File.Exists(declarations))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InputNotFound, SourceSpan.At(declarations, 0, 0), "--declarations: no such file"));
                return new CheckResult(diagnostics.ToList()) { Kind = BuildKind.BadInput };
            }
            try { sidecar = DerivativeSidecar.Parse(File.ReadAllText(declarations)); }
            catch (FormatException ex)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, SourceSpan.At(declarations, 1, 1), "--declarations: " + ex.Message));
                return new CheckResult(diagnostics.ToList()) { Kind = BuildKind.BadInput };
            }
        }
        if (autoDerivatives)
        {
            var equations = publication.Pages.SelectMany(p => ModelWalker.Blocks(p).OfType<MathBlock>())
                .Where(m => m.Environment != MathEnvironment.RawLatex)
                .Select(m => (m.Tex, m.Span)).ToList();
            var declared = string.Join(", ", outcome.Notation.Values.Select(n => Notation.NotationDeclarations.DeclareText(n.Notation)).Where(s => s.Length > 0));
            var macros = publication.Pages.SelectMany(p => p.Metadata.Macros).Concat(outcome.Notation.Values.SelectMany(n => n.Notation.Macros))
                .GroupBy(m => m.Name).Select(g => g.First()).ToList();
            auto = DerivativeChecker.AutoCheck(equations, new AutoCheckOptions { Declarations = declared.Length > 0 ? declared : null, Macros = macros, Sidecar = sidecar });
            diagnostics.AddRange(auto.Diagnostics);
        }
        if (output is not null)
        {
            var pdf = Checks.Parity.ParityChecker.PdfBeside(output);
            var parity = pdf is null
                ? [Diagnostic.Error(DiagnosticIds.ParityDifference, SourceSpan.At(output, 0, 0), "parity: no PDF in the output folder (build without --no-pdf first)")]
                : Checks.Parity.ParityDiagnostics.From(Checks.Parity.ParityChecker.Compare(output, pdf), publication.Pages[0].BaseDirectory);
            diagnostics.AddRange(parity);
        }
        return new CheckResult(diagnostics.ToList())
        {
            Auto = auto,
            ChecksVerified = outcome.ChecksVerified,
            ChecksRefuted = outcome.ChecksRefuted,
            ChecksNotCheckable = outcome.ChecksNotCheckable,
        };
    }
}
