using Xunit;
using Bookish.Checks.Parity;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary>
/// A short document (a title and a heading over one short paragraph) has more words in large type than in body type.
/// The PDF side guessed the body size from the larger words and took the paragraph below them for a footnote, so a
/// document whose two outputs were the same was reported with a missing paragraph. Footnotes start with a raised mark.
/// </summary>
public sealed class Parity_short_document_tests(ITestOutputHelper output)
{
    private static async Task<ParityBuild.Output> BuildAsync(string markdown, string name, Func<string, string>? texFault = null)
    {
        var dir = Path.Combine(Repo.Scratch, "short-document-" + name);
        Directory.CreateDirectory(dir);
        var input = Path.Combine(dir, "index.md");
        await File.WriteAllTextAsync(input, markdown.Replace("\r\n", "\n"));
        return await ParityBuild.BuildAsync(input, Path.Combine(dir, "out"), [], texFault);
    }

    [Theory]
    [InlineData("heading-one-word", "# Part one\n\nText $y$.\n")]
    [InlineData("title-heading-one-word", "---\ntitle: 'Gradients in general'\n---\n# Part one\n\nText $y$.\n")]
    [InlineData("title-with-math", "---\ntitle: 'Gradients of $f(x) = x^2$ in $\\mathbb{R}^n$'\n---\n# Part one\n\nThen $y = 1$.\n")]
    [InlineData("one-word-paragraphs", "# Proof\n\nThen\n\n$$x^2 \\ge 0$$\n\nso\n\n$$x^4 \\ge 0.$$\n")]
    public async Task A_short_document_whose_outputs_agree_is_reported_as_agreeing(string name, string markdown)
    {
        var built = await BuildAsync(markdown, name);
        ParityAssert.Agree(ParityChecker.Compare(built.HtmlPath, built.PdfPath), output);
    }

    [Fact]
    public async Task A_paragraph_dropped_from_the_PDF_of_a_short_document_is_still_found()
    {
        var built = await BuildAsync("# Part one\n\nText $y$.\n\nClosing words here.\n", "dropped",
            tex => tex.Replace("Closing words here.", "", StringComparison.Ordinal));
        var report = ParityChecker.Compare(built.HtmlPath, built.PdfPath);
        ParityAssert.Found(report, ParityKind.Prose, d => ParityAssert.Has(d.Html, "Closing") && d.Message.Contains("missing"), output);
    }

    [Fact]
    public async Task Footnotes_of_a_short_document_are_still_read_as_notes()
    {
        var built = await BuildAsync("# Part one\n\nText $y$ with a note.[^a]\n\n[^a]: The note says more.\n", "footnote");
        var report = ParityChecker.Compare(built.HtmlPath, built.PdfPath);
        ParityAssert.Agree(report, output);
        Assert.Equal(1, report.Stats!.Notes);
    }

    [Fact]
    public async Task A_title_with_math_is_typeset_in_the_page_and_the_PDF_and_the_PDF_title_is_its_Unicode_text()
    {
        var built = await BuildAsync("---\ntitle: 'Gradients of $f(x) = x^2$ in $\\mathbb{R}^n$'\n---\n# Part one\n\nThen $y = 1$.\n", "title-math-typeset");
        var html = await File.ReadAllTextAsync(built.HtmlPath);
        var h1 = html[html.IndexOf("<h1", StringComparison.Ordinal)..html.IndexOf("</h1>", StringComparison.Ordinal)];
        Assert.DoesNotContain("$", h1);
        Assert.Contains("class=\"math inline\" data-tex=\"f(x) = x^2\"", h1);
        Assert.Contains("<svg", h1);
        // The window title reads the math out; it never shows TeX.
        var title = html[html.IndexOf("<title>", StringComparison.Ordinal)..html.IndexOf("</title>", StringComparison.Ordinal)];
        Assert.DoesNotContain("$", title);
        Assert.DoesNotContain("\\mathbb", title);

        using var pdf = PdfDocument.Open(built.PdfPath);
        var firstPage = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.DoesNotContain("$", firstPage);
        Assert.DoesNotContain("mathbb", firstPage);
        Assert.Equal("Gradients of f(x) = x² in ℝⁿ", pdf.Information.Title);
    }
}
