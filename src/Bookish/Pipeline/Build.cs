using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Publishing;
using Bookish.Security;

namespace Bookish.Pipeline;

/// <summary>
/// One build as values: the frozen options and where it reads and writes, then each stage's immutable result as it
/// completes. A later stage takes only earlier results, so a serve loop can keep a <see cref="Build"/> and re-run one
/// stage (say <see cref="HtmlStage"/> after a template edit) with the results before it.
/// </summary>
internal sealed record Build(BuildOptions Options, string Output, ProjectRoot Root, string Templates)
{
    public ReadResult? Read { get; init; }
    public NumberResult? Numbered { get; init; }
    public CheckResults? Checks { get; init; }
    public PageTemplate? Template { get; init; }
    public MathResults? Math { get; init; }
    public HtmlResult? Html { get; init; }
    public PdfStageResult? Pdf { get; init; }
    public OutputFormats? Formats { get; init; }
    public EpubResult? Epub { get; init; }
    public IReadOnlyList<Diagnostic>? Published { get; init; }

    /// <summary>The publication every stage after numbering works on.</summary>
    public Publication Publication => Numbered?.Publication ?? throw new InvalidOperationException("the publication is numbered in stage 2");

    /// <summary>Every stage's diagnostics, in stage order (the PDF's after the page's, as the PDF finishes last).</summary>
    public IEnumerable<Diagnostic> Diagnostics =>
        new[] { Read?.Diagnostics, Numbered?.Diagnostics, Checks?.Diagnostics, Template?.Diagnostics, Math?.Diagnostics, Html?.Diagnostics, Formats?.Diagnostics, Epub?.Diagnostics, Pdf?.Diagnostics, Published }
            .SelectMany(d => d ?? []);

    /// <summary>Every file the writers staged for the output folder.</summary>
    public StagedFiles Staged => (Html?.Staged ?? StagedFiles.Empty).And(Epub?.Staged ?? StagedFiles.Empty).And(Pdf?.Staged ?? StagedFiles.Empty);
}
