using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;

namespace Bookish.IntegrationTests.Pipeline;

/// <summary><c>build --no-pdf</c> never deletes the PDF an earlier build wrote, and the page marks it stale once a source is newer.</summary>
public sealed class NoPdfKeepsPdfTests
{
    private const string Note = """
        ---
        title: Notes on the chain rule
        ---

        If $y = g(u)$ and $u = h(x)$, then $\frac{dy}{dx} = g'(u)\,h'(x)$ — the rates multiply.

        """;

    [Fact(Timeout = 300_000)]
    public async Task A_build_without_the_PDF_keeps_the_earlier_PDF_and_marks_it_stale_when_the_source_is_newer()
    {
        var dir = Repo.TempDirectory("bookish-nopdf-");
        var source = Path.Combine(dir, "notes.md");
        File.WriteAllText(source, Note);
        var output = Path.Combine(dir, "out");
        var cache = Path.Combine(dir, ".cache");
        string[] Build(params string[] extra) => ["build", source, "-o", output, "--cache-dir", cache, .. extra];
        var pdfPath = Path.Combine(output, "notes.pdf");

        var full = await BookishProcess.RunAsync(Build(), dir);
        Assert.Equal(0, full.ExitCode);
        var pdf = File.ReadAllBytes(pdfPath);

        // Nothing changed: the PDF is kept, and it is not stale.
        var same = await BookishProcess.RunAsync(Build("--no-pdf"), dir);
        Assert.Equal(0, same.ExitCode);
        Assert.Equal(pdf, File.ReadAllBytes(pdfPath));
        Assert.Null(Footer(output).QuerySelector(".pdf-stale"));

        // The source is edited after the PDF was typeset: kept, byte for byte, and marked stale in the page.
        File.WriteAllText(source, Note.Replace("the rates multiply", "the rates of change multiply"));
        File.SetLastWriteTimeUtc(source, File.GetLastWriteTimeUtc(pdfPath).AddSeconds(5));
        var edited = await BookishProcess.RunAsync(Build("--no-pdf"), dir);
        Assert.Equal(0, edited.ExitCode);
        Assert.Equal(pdf, File.ReadAllBytes(pdfPath));
        Assert.Contains("BK8001", edited.StandardError);
        var stale = Footer(output).QuerySelector(".pdf-link.pdf-stale");
        Assert.NotNull(stale);
        Assert.Equal("notes.pdf", stale.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("stale", stale.TextContent);

        // And it stays stale on the next build without the PDF (the copy kept its time).
        await BookishProcess.RunAsync(Build("--no-pdf"), dir);
        Assert.Equal(pdf, File.ReadAllBytes(pdfPath));
        Assert.NotNull(Footer(output).QuerySelector(".pdf-stale"));

        // A full build typesets it again: no longer stale.
        Assert.Equal(0, (await BookishProcess.RunAsync(Build(), dir)).ExitCode);
        Assert.Null(Footer(output).QuerySelector(".pdf-stale"));
    }

    private static AngleSharp.Dom.IElement Footer(string output) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html"))).QuerySelector("footer") is { } f
            ? f
            : new HtmlParser().ParseDocument("<footer></footer>").QuerySelector("footer")!;
}
