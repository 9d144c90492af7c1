using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Pdf;

/// <summary>Issue 16: the PDF is produced whatever the document holds; each problem is a diagnostic at its source line.</summary>
public sealed class PdfRecoveryTests
{
    private static async Task<BuildResult> BuildAsync(string doc)
    {
        var dir = Path.GetDirectoryName(doc)!;
        return await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
    }

    [Fact(Timeout = 120_000)]
    public async Task An_equation_whose_error_box_holds_a_blank_line_a_percent_and_a_hash_still_produces_the_PDF()
    {
        var doc = Repo.WriteDocument("""
            # Broken maths

            Before the broken display.

            $$
            \frac{a}{b % the brace is never closed

            + \left( c_{#} \}
            $$

            Inline: $\sqrt{x$ and the sentence goes on to the end.
            """);
        var r = await BuildAsync(doc);

        Assert.False(r.Succeeded);
        Assert.All(r.Diagnostics.Where(d => d.IsError), d => Assert.Equal("BK2001", d.Id));
        Assert.Contains(r.Diagnostics, d => d.Span.Line == 6); // where the group that is never closed opened
        Assert.NotNull(r.PdfPath);
        var words = PdfText.Normalize(PdfText.Words(r.PdfPath!));
        Assert.Contains("Before the broken display.", words);
        Assert.Contains("the sentence goes on to the end.", words);
        // The marker shows the failed source, percent sign included, inside the text width.
        Assert.Contains("%", words);
        AssertInsideTextWidth(r.PdfPath!);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_raw_LaTeX_block_that_fails_becomes_a_marker_with_exit_1_and_the_rest_is_typeset()
    {
        var doc = Repo.WriteDocument("""
            # Raw LaTeX

            First paragraph.

            ```{=latex}
            \begin{center}
            \nosuchmacro{#1} & } % unbalanced
            \end{center}
            ```

            Last paragraph after the failure.
            """);
        var r = await BuildAsync(doc);

        var d = Assert.Single(r.Diagnostics, d => d.IsError);
        Assert.Equal("BK3001", d.Id);
        Assert.Equal(5, d.Span.Line);
        Assert.Contains("Undefined control sequence", d.Message);
        Assert.NotNull(r.PdfPath);
        var words = PdfText.Normalize(PdfText.Words(r.PdfPath!));
        Assert.Contains("Last paragraph after the failure.", words);
        Assert.Contains("nosuchmacro", words);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unclosed_environment_and_an_early_end_of_document_are_markers_at_their_own_lines()
    {
        var doc = Repo.WriteDocument("""
            # Nasty raw blocks

            Opening words.

            ```{=latex}
            \begin{itemize}
            \item this list is never closed
            ```

            Middle words.

            ```{=latex}
            \end{document}
            ```

            Closing words after everything.
            """);
        var r = await BuildAsync(doc);

        var errors = r.Diagnostics.Where(d => d.IsError).ToList();
        // The unclosed list is TeX's error (BK3001); the early end is refused before TeX sees it (BK2002), reported once.
        Assert.Equal([(5, "BK3001"), (12, "BK2002")], errors.Select(d => (d.Span.Line, d.Id)).Order());
        Assert.NotNull(r.PdfPath);
        var words = PdfText.Normalize(PdfText.Words(r.PdfPath!));
        Assert.Contains("Middle words.", words);
        Assert.Contains("Closing words after everything.", words);
    }

    [Fact(Timeout = 120_000)]
    public async Task Chinese_Japanese_emoji_Greek_and_symbols_in_prose_are_text_in_the_PDF()
    {
        const string prose = "Thanks to 张伟 and 山田花子 (やまだ はなこ) for hosting 🎉 — café, naïve, Ærø; β = 0.9, α ≤ 0.1, x × y ≥ 3 ± 1, → ∞ ∂ ∇ ≈, Привет.";
        var doc = Repo.WriteDocument($"---\ntitle: 读书会 notes\n---\n\n# Who came\n\n{prose}\n");
        var r = await BuildAsync(doc);

        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.NotNull(r.PdfPath);
        using var pdf = PdfDocument.Open(r.PdfPath!);
        var letters = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        foreach (var piece in new[] { "张伟", "山田花子", "やまだ", "はなこ", "🎉", "读书会", "café", "naïve", "Ærø", "Привет" })
            Assert.Contains(piece, letters);
        foreach (var symbol in "βα≤×≥±→∞∂∇≈")
            Assert.Contains(symbol.ToString(), letters);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_table_with_long_prose_cells_stays_inside_the_text_width()
    {
        var doc = Repo.WriteDocument("""
            # Optimisers

            | Method | What it does | Cost |
            |:-------|:-------------|-----:|
            | Gradient descent | Takes a small step against the gradient of the loss, scaled by the learning rate, and repeats the step until the loss stops improving by any noticeable amount. | $O(n)$ |
            | Newton's method | Uses the Hessian as well as the gradient so that every step accounts for the curvature; it converges faster near the optimum but each step is expensive. | $O(n^3)$ |

            Table: Two optimisers {#tbl:opt}
            """);
        var r = await BuildAsync(doc);

        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        var words = PdfText.Normalize(PdfText.Words(r.PdfPath!));
        Assert.Contains("noticeable", words);
        Assert.Contains("expensive.", words);
        AssertInsideTextWidth(r.PdfPath!);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_SVG_figure_keeps_its_text_through_a_gradient_and_a_transform()
    {
        var doc = Repo.WriteDocument("""
            # Figure

            ![The network](net.svg){#fig:net}
            """);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(doc)!, "net.svg"), """
            <svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120">
              <defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#ffcc00"/><stop offset="1" stop-color="#3366ff"/></linearGradient></defs>
              <rect x="10" y="10" width="280" height="100" rx="12" fill="url(#g)"/>
              <g transform="translate(150,70) rotate(-8)"><text text-anchor="middle" font-family="sans-serif" font-size="22">Hidden layer</text></g>
              <text x="20" y="105" font-family="serif" font-size="12" fill="#800000">input</text>
            </svg>
            """);
        var r = await BuildAsync(doc);

        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        using var pdf = PdfDocument.Open(r.PdfPath!);
        var letters = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        Assert.Contains("Hiddenlayer", letters.Replace(" ", ""));
        Assert.Contains("input", letters);
    }

    /// <summary>Every letter lies within A4's 1 in margins (a small tolerance for protrusion).</summary>
    private static void AssertInsideTextWidth(string pdfPath)
    {
        using var pdf = PdfDocument.Open(pdfPath);
        foreach (var page in pdf.GetPages())
        {
            var left = 72 - 4;
            var right = page.Width - 72 + 4;
            var outside = page.Letters.Where(l => l.BoundingBox.Left < left || l.BoundingBox.Right > right).Select(l => l.Value).ToList();
            Assert.True(outside.Count == 0, $"page {page.Number}: letters outside the text width: {string.Concat(outside)}");
        }
    }
}
