using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Pipeline;

/// <summary>
/// The PDF an earlier build left in the output folder, carried into the new output by a build that makes no PDF
/// (<c>--no-pdf</c>): never deleted, and stale when a source file is newer than it (the page then says so).
/// </summary>
internal sealed record KeptPdf(string Name, string Path, DateTime WrittenUtc, string? NewerSource)
{
    public bool Stale => NewerSource is not null;

    /// <summary>The publication's PDF in <paramref name="output"/>, if an earlier build wrote one (a real file, not a link).</summary>
    public static KeptPdf? Find(string output, Publication publication, string input)
    {
        var name = publication.Name + ".pdf";
        var info = new FileInfo(System.IO.Path.Combine(output, name));
        if (!info.Exists || info.LinkTarget is not null) return null;
        var written = info.LastWriteTimeUtc;
        var newer = Sources(publication, input).Where(File.Exists)
            .Select(f => (Path: f, Time: File.GetLastWriteTimeUtc(f))).Where(f => f.Time > written)
            .OrderByDescending(f => f.Time).Select(f => f.Path).FirstOrDefault();
        return new KeptPdf(name, info.FullName, written, newer);
    }

    /// <summary>The files the PDF was typeset from: every page's source and the input (a legacy root file or front matter).</summary>
    private static IEnumerable<string> Sources(Publication publication, string input) =>
        publication.Pages.Select(p => p.SourcePath).Append(input).Where(p => p.Length > 0).Distinct();

    /// <summary>The PDF stage's result for a build that kept this PDF: a copy into the new output, and a note when it is stale.</summary>
    public PdfStageResult AsStageResult()
    {
        var notes = Stale
            ? new[] { Diagnostic.Create(DiagnosticIds.PdfStale, SourceSpan.At(NewerSource!, 0, 0),
                $"kept {Name} from an earlier build (--no-pdf), but this file is newer than it; the page marks the PDF as stale") }
            : [];
        return new PdfStageResult(new StagedFiles(ImmutableDictionary<string, byte[]>.Empty, ImmutableDictionary<string, string>.Empty.Add(Name, Path)), Name, notes);
    }

    /// <summary>How the page shows it: a link to the PDF, marked stale.</summary>
    public Html.PdfLink? Link => Stale ? new Html.PdfLink(Name, WrittenUtc, Stale) : null;
}
