using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Toolchain;

namespace Bookish.Publishing;

public static partial class Publisher
{
    /// <summary>
    /// The author's <c>packages:</c> that TeX has: a package this installation lacks is an error at its front matter
    /// line and is left out of the preamble, so the equations and the PDF still build.
    /// </summary>
    internal static async Task<Publication> WithInstalledPackagesAsync(Publication publication, DiagnosticBag diagnostics, CancellationToken ct)
    {
        var packages = publication.Metadata.Packages;
        if (packages.IsEmpty) return publication;
        var installed = await TexPackages.InstalledAsync(packages.Select(p => p.Name).Distinct().ToList(), ct);
        foreach (var p in packages.Where(p => !installed.Contains(p.Name)))
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownPackage, p.Span ?? Text.SourceSpan.None,
                $"LaTeX package '{p.Name}' is not installed here (kpsewhich finds no {p.Name}.sty); install the Debian package that has it, or remove it from 'packages:'"));
        return publication with { Metadata = publication.Metadata with { Packages = [.. packages.Where(p => installed.Contains(p.Name))] } };
    }
}
