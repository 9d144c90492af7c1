using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Publishing;

namespace Bookish.Writing.Markdown;

/// <summary>What <see cref="MarkdownConversion.Convert"/> did.</summary>
internal sealed record ConversionResult(IReadOnlyList<Diagnostic> Diagnostics, string OutputDirectory, IReadOnlyList<string> Files)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// <c>bookish convert</c>: reads any input (the legacy dialect included) and writes the equivalent Markdown-with-math,
/// one file per page, with the images and style sheets the pages use.
/// </summary>
internal static partial class MarkdownConversion
{
    [GeneratedRegex(@"\\includegraphics\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")] private static partial Regex IncludeGraphics();

    public static ConversionResult Convert(string input, string outputDirectory)
    {
        var diagnostics = new DiagnosticBag();
        var output = Path.GetFullPath(outputDirectory);
        var publication = InputReader.Read(input, diagnostics);
        if (publication is null) return new ConversionResult(diagnostics.ToList(), output, []);
        Directory.CreateDirectory(output);
        var written = new List<string>();
        foreach (var (file, text) in MarkdownWriter.Write(publication))
        {
            File.WriteAllText(Path.Combine(output, file), text);
            written.Add(file);
        }
        foreach (var page in publication.Pages)
            foreach (var asset in Assets(page).Distinct())
            {
                // Read only inside the project (links followed), write only inside the output folder.
                var resolved = new Security.ProjectRoot(page.ProjectRoot ?? page.BaseDirectory).Resolve(page.BaseDirectory, asset);
                if (resolved.Status is Security.PathStatus.Outside or Security.PathStatus.Invalid)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathOutsideProject, Text.SourceSpan.At(page.SourcePath, 1, 1), resolved.Explain("file")));
                    continue;
                }
                var from = resolved.RealPath;
                var to = Path.GetFullPath(Path.Combine(output, asset));
                if (!to.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(from)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, overwrite: true);
                written.Add(asset);
            }
        return new ConversionResult(diagnostics.ToList(), output, written.Distinct().ToList());
    }

    /// <summary>Relative files a page uses: figures, images, images inside math, the document's own style sheets, legacy &lt;data&gt; files.</summary>
    private static IEnumerable<string> Assets(Document page)
    {
        var blocks = ModelWalker.Blocks(page).ToList();
        var inlines = ModelWalker.Inlines(page).ToList();
        var tex = blocks.OfType<MathBlock>().Select(m => m.Tex).Concat(inlines.OfType<MathInline>().Select(m => m.Tex));
        return blocks.OfType<Figure>().Where(f => f.PlotSource is null).Select(f => f.Source)
            .Concat(inlines.OfType<Image>().Select(i => i.Source))
            .Concat(tex.SelectMany(t => IncludeGraphics().Matches(t).Select(m => m.Groups[1].Value.Trim())))
            .Concat(page.Metadata.DocumentCss)
            .Concat(page.Metadata.Raw.GetValueOrDefault("data") is List<string> data ? data : [])
            .Where(s => s.Length > 0 && !s.Contains("://") && !Path.IsPathRooted(s) && !s.StartsWith("data:", StringComparison.Ordinal) && !s.Contains(".."));
    }
}
