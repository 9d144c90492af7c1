using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Publishing;
using Bookish.Security;
using Bookish.Text;
using Bookish.Toolchain;

namespace Bookish.Pipeline;

/// <summary>The numbered publication and what resolving it found (unknown labels, paths outside the project, packages TeX lacks).</summary>
internal sealed record NumberResult(Publication Publication, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Stage 2: sections, equations, figures, tables and notes numbered, labels resolved; every <c>\includegraphics</c>
/// checked against the project root; the author's <c>packages:</c> kept only when TeX has them.
/// </summary>
internal static partial class NumberStage
{
    public static NumberResult Number(Publication publication, ProjectRoot root)
    {
        var diagnostics = new DiagnosticBag();
        publication = Numbering.Apply(publication);
        ReportUnknownReferences(publication, diagnostics);
        CheckTexIncludes(publication, root, diagnostics);
        return new NumberResult(publication, diagnostics.ToList());
    }

    /// <summary>
    /// The author's <c>packages:</c> that TeX has: a package this installation lacks is an error at its front matter
    /// line and is left out of the preamble, so the equations and the PDF still build.
    /// </summary>
    public static async Task<NumberResult> WithInstalledPackagesAsync(NumberResult numbered, CancellationToken ct, IToolchain? toolchain = null)
    {
        var publication = numbered.Publication;
        var packages = publication.Metadata.Packages;
        if (packages.IsEmpty) return numbered;
        var installed = await TexPackages.InstalledAsync(packages.Select(p => p.Name).Distinct().ToList(), ct, toolchain);
        var diagnostics = numbered.Diagnostics.ToList();
        foreach (var p in packages.Where(p => !installed.Contains(p.Name)))
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownPackage, p.Span ?? SourceSpan.None,
                $"LaTeX package '{p.Name}' is not installed here (kpsewhich finds no {p.Name}.sty); install the Debian package that has it, or remove it from 'packages:'"));
        var kept = publication with { Metadata = publication.Metadata with { Packages = [.. packages.Where(p => installed.Contains(p.Name))] } };
        return new NumberResult(kept, diagnostics);
    }

    private static void ReportUnknownReferences(Publication publication, DiagnosticBag diagnostics)
    {
        foreach (var page in publication.Pages)
            foreach (var x in ModelWalker.Inlines(page).OfType<CrossRef>())
                if (page.Labels.Find(x.Label) is null)
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, x.Span, $"unknown label '{x.Label}'"));
    }

    [GeneratedRegex(@"\\includegraphics\s*(\[[^\]]*\])?\s*\{([^}]+)\}")]
    private static partial Regex IncludeGraphicsPattern();

    /// <summary>
    /// Every <c>\includegraphics</c> in equations and raw LaTeX of the publication: a path outside the project is an error
    /// at its source span; the renderers skip it (they copy only files inside the project).
    /// </summary>
    private static void CheckTexIncludes(Publication publication, ProjectRoot root, DiagnosticBag diagnostics)
    {
        foreach (var page in publication.Pages)
        {
            var texts = ModelWalker.Blocks(page).Select(b => b switch
                {
                    MathBlock m => (m.Tex, m.Span),
                    RawBlock r => (r.Text, r.Span),
                    _ => ("", SourceSpan.None),
                })
                .Concat(ModelWalker.Inlines(page).Select(i => i switch
                {
                    MathInline m => (m.Tex, m.Span),
                    RawInline r => (r.Text, r.Span),
                    _ => ("", SourceSpan.None),
                }));
            foreach (var (tex, span) in texts)
            {
                if (!tex.Contains(@"\includegraphics", StringComparison.Ordinal)) continue;
                foreach (Match m in IncludeGraphicsPattern().Matches(tex))
                    Publisher.ReadablePath(root, page.BaseDirectory, m.Groups[2].Value.Trim(), "image", span, diagnostics);
            }
        }
    }
}
