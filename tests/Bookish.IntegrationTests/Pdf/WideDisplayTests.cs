using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Pdf;

/// <summary>Displays wider than the text are shrunk to fit in the PDF: no ink in the margin, rows and numbers kept.</summary>
public sealed class WideDisplayTests
{
    [Fact]
    public async Task A_wide_numbered_align_is_scaled_to_the_text_width_with_its_numbers_at_the_margin()
    {
        var terms = string.Join(" + ", Enumerable.Range(1, 14).Select(i => $"w_{{{i}}} x_{{{i}}}"));
        var doc = Repo.WriteDocument("---\ntitle: Long sums\ntoc: false\n---\n\nA paragraph long enough to fill the line from margin to margin, so the text's right edge is known in the PDF below.\n\n"
            + "\\begin{align}\nf(\\mathbf{x}) &= " + terms + " \\label{eq:f}\\\\\ng(\\mathbf{x}) &= \\sum_i w_i x_i\n\\end{align}\n\nAnd \\eqref{eq:f} again; the text goes on after the display as usual.\n");
        var dir = Path.GetDirectoryName(doc)!;
        var r = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.DoesNotContain(r.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Contains(r.Diagnostics, d => d.Id == "BK3004" && d.Span.Line == 8);

        using var pdf = PdfDocument.Open(r.PdfPath!);
        var page = pdf.GetPage(1);
        var words = page.GetWords().ToList();
        // The template's margins are one inch: no glyph sticks out past the text's right edge (a point of slack).
        var rightmost = page.Letters.Max(l => l.BoundingBox.Right);
        Assert.True(rightmost <= page.Width - 72 + 1, $"ink at {rightmost:0.#} pt on a {page.Width:0.#} pt page");
        // Each number stays on its row, at the right margin (not pushed below a row that was too wide).
        var one = words.First(w => w.Text == "(1)");
        var row = words.Where(w => w != one && Math.Abs(w.BoundingBox.Bottom - one.BoundingBox.Bottom) < 3 && w.BoundingBox.Right < one.BoundingBox.Left).ToList();
        Assert.NotEmpty(row);
        Assert.True(one.BoundingBox.Right > page.Width - 72 - 3, $"(1) ends at {one.BoundingBox.Right:0.#} pt");
        // Both rows keep their numbers, and the reference reads (1).
        var text = string.Join(" ", words.Select(w => w.Text));
        Assert.Contains("(1)", text);
        Assert.Contains("(2)", text);
        Assert.Contains("And (1) again", text);
    }
}
