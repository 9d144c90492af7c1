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
    internal static async Task<Publication> WithInstalledPackagesAsync(Publication publication, DiagnosticBag diagnostics, CancellationToken ct, IToolchain? toolchain = null)
    {
        var packages = publication.Metadata.Packages;
        if (packages.IsEmpty) return publication;
        var installed = await TexPackages.InstalledAsync(packages.Select(p => p.Name).Distinct().ToList(), ct, toolchain);
        foreach (var p in packages.Where(p => !installed.Contains(p.Name)))
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownPackage, p.Span ?? Text.SourceSpan.None,
                $"LaTeX package '{p.Name}' is not installed here (kpsewhich finds no {p.Name}.sty); install the Debian package that has it, or remove it from 'packages:'"));
        return publication with { Metadata = publication.Metadata with { Packages = [.. packages.Where(p => installed.Contains(p.Name))] } };
    }

    /// <summary>
    /// The PDF reads the same preamble as the equations: an error the equation renderer already reported at its front
    /// matter line (a package or macro TeX rejects) is not reported again by the PDF.
    /// </summary>
    internal static IEnumerable<Diagnostic> WithoutPreambleRepeats(IEnumerable<Diagnostic> pdf, IEnumerable<Diagnostic> math)
    {
        var preamble = math.Where(d => d.Id == DiagnosticIds.PreambleError).ToList();
        var known = preamble.Select(d => TexWords(d.Message)).ToHashSet(StringComparer.Ordinal);
        // The same refused macro can read differently in the PDF run ("already defined" there, "undefined" here).
        var commands = preamble.Select(d => CommandNamed(d.Message)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return known.Count == 0 ? pdf : pdf.Where(d => d.Id != DiagnosticIds.PdfError
            || !(known.Contains(TexWords(d.Message)) || CommandNamed(d.Message) is { } c && commands.Contains(c)));
    }

    /// <summary>The control sequence of LaTeX's "Command \x …" errors, if the message is one.</summary>
    private static string? CommandNamed(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, @"LaTeX Error: Command (\\[A-Za-z@]+)") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>TeX's own error line ("! LaTeX Error: …."), without what Bookish put around it.</summary>
    private static string TexWords(string message)
    {
        var bang = message.IndexOf("! ", StringComparison.Ordinal);
        if (bang < 0) return message;
        var end = message.IndexOf(". ", bang, StringComparison.Ordinal);
        return end < 0 ? message[bang..] : message[bang..(end + 1)];
    }
}
