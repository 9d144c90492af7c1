using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Highlighting;

/// <summary>
/// Highlighted code in the real PDF (pdflatex, fvextra): the page's colours on the same tokens, any character typeset
/// as itself, long lines wrapped inside the page, line numbers and a highlighted line; and the page and the PDF agree.
/// </summary>
public sealed class HighlightedCodePdfTests(ITestOutputHelper output)
{
    private const string Document = """
        ---
        title: Code that fights back
        toc: false
        ---

        # Gradient step

        One step of gradient descent, in Python:

        ```{.python .numberLines startFrom="3" hl_lines="2"}
        def step(x, grad, lr=0.1):
            return x - lr * grad(x)  # move downhill
        ```

        A line nobody wrapped, and text that is hostile to TeX:

        ```text
        \end{Verbatim} \end{document} \input{/etc/passwd} { } % # $ & ^ _ ~ \\
        	tabbed	cells	here
        naïve café → ∂f/∂x λ 中文
        https://example.org/a/very/long/path/that/goes/on/and/on/and/on/and/on/past/the/right/margin/of/the/page/for/sure.html
        ```
        """;

    [Fact(Timeout = 300_000)]
    public async Task Code_is_coloured_safe_and_wrapped_in_the_PDF_and_agrees_with_the_page()
    {
        var doc = Repo.WriteDocument(Document.Replace("\r", ""));
        var dir = Path.GetDirectoryName(doc)!;

        var r = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });

        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.Empty(r.Diagnostics);
        using var pdf = PdfDocument.Open(r.PdfPath!);
        var page = pdf.GetPage(1);
        var text = string.Concat(page.Letters.Select(l => l.Value));
        output.WriteLine(string.Join(" ", page.GetWords().Select(w => w.Text)));
        foreach (var piece in new[] { @"\end{Verbatim}", @"\end{document}", @"\input{/etc/passwd}", "{}%#$&^_~\\\\", "naïvecafé", "中文", "downhill" })
            Assert.Contains(piece, text.Replace(" ", ""), StringComparison.Ordinal);

        // Keywords in the keyword colour (#a0204a), a call in the function colour, the comment in the comment colour (#636363), as in the page's CSS; plain code black.
        Assert.Equal("a0204a", Colour(Word(page, "def")));
        Assert.Equal("636363", Colour(Word(page, "downhill")));
        Assert.Equal("5c3ac2", Colour(Word(page, "grad(x)")));
        Assert.Equal("000000", Colour(Word(page, "tabbed")));
        // Line numbers from 3; the long address is wrapped inside the page, not cut off.
        Assert.Contains(page.GetWords(), w => w.Text == "3");
        Assert.Contains(page.GetWords(), w => w.Text == "4");
        Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Right < page.Width - 36, $"'{l.Value}' at x={l.BoundingBox.Right:0} sticks out of the page"));
        Assert.Contains("sure.html", text, StringComparison.Ordinal);

        var parity = Bookish.Checks.Parity.ParityChecker.Compare(r.OutputDirectory, r.PdfPath!);
        Assert.True(parity.Differences.IsEmpty, string.Join("\n", parity.Differences.Select(d => d.Message)));
    }

    private static Word Word(Page page, string text) => page.GetWords().First(w => w.Text.Contains(text, StringComparison.Ordinal));

    private static string Colour(Word word)
    {
        var (r, g, b) = word.Letters[0].Color.ToRGBValues();
        return $"{(int)Math.Round(r * 255):x2}{(int)Math.Round(g * 255):x2}{(int)Math.Round(b * 255):x2}";
    }
}
