using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Latex;
using Bookish.Model;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Parity;

/// <summary>
/// Builds one page the way the publisher does (reader, numbering, TeX-rendered math, HTML writer, LaTeX writer,
/// pdflatex), with two test seams: notation rows for both writers, and a fault applied to the generated LaTeX before
/// it is compiled (a deliberately faulty LaTeX writer).
/// </summary>
internal static class ParityBuild
{
    public sealed record Output(string Folder, string HtmlPath, string PdfPath, string Tex);

    public static async Task<Output> BuildAsync(string input, string folder, IReadOnlyList<NotationRow> rows, Func<string, string>? texFault = null, string? html = null)
    {
        Directory.CreateDirectory(folder);
        var diagnostics = new DiagnosticBag();
        var publication = Numbering.Apply(InputReader.Read(input, diagnostics) ?? throw new InvalidOperationException("unreadable input"));
        var settings = Publisher.MathSettingsFor(publication, new BuildOptions(input));
        var fragments = MathCollector.Collect(publication.Pages);
        var math = await new CachingMathRenderer(new TexBatchRenderer(), Repo.CacheDirectory).RenderAsync(fragments, settings);
        var templates = Templates.Directory(Path.Combine(Repo.Root, "templates"));
        var page = publication.Pages[0];
        var htmlPath = Path.Combine(folder, "index.html");
        if (html is null)
        {
            var context = new HtmlWriterContext(publication, math.Rendered, settings, File.ReadAllText(Path.Combine(templates, "page.html"))) { NotationRows = rows };
            await File.WriteAllTextAsync(htmlPath, HtmlWriter.Write(page, context));
        }
        else File.Copy(html, htmlPath, true);
        // The page's images beside it, as the publisher copies them (a page without them shows broken images).
        foreach (var image in Directory.GetFiles(page.BaseDirectory).Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)))
            File.Copy(image, Path.Combine(folder, Path.GetFileName(image)), true);
        var latex = LatexWriter.Write(new LatexWriterContext(publication, File.ReadAllText(Path.Combine(templates, "article.tex")), settings.Preamble)
        {
            NotationRows = rows,
            ResolveImage = f => File.Exists(Path.Combine(page.BaseDirectory, f.Source)) ? f.Source : null,
        });
        var tex = texFault is null ? latex.Tex : texFault(latex.Tex);
        if (texFault is not null && tex == latex.Tex) throw new InvalidOperationException("the fault changed nothing in the LaTeX");
        var pdf = await PdfBuilder.BuildAsync(latex with { Tex = tex }, page.BaseDirectory, page.SourcePath, TimeSpan.FromSeconds(180));
        if (pdf.Pdf is null) throw new InvalidOperationException("pdflatex failed: " + string.Join("; ", pdf.Diagnostics.Select(d => d.Message)));
        var pdfPath = Path.Combine(folder, "document.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf.Pdf);
        await File.WriteAllTextAsync(Path.Combine(folder, "document.tex"), tex);
        return new Output(folder, htmlPath, pdfPath, tex);
    }
}
