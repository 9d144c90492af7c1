using Bookish.IntegrationTests.Support;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Plots;

/// <summary>A plot in a narrow figure is drawn for its final width: its text in the PDF is as large as a full-width plot's.</summary>
public sealed class PlotPdfTextSizeTests(ITestOutputHelper output)
{
    private const string Document = """
        # Activations

        The rectifier is flat for negative inputs and the identity for positive ones.

        ```plot
        function: \max(0, x) | ReLU
        x: -2, 2
        xlabel: input
        caption: The rectifier at the column's full width.
        ```

        The next one grows faster — and sits in a figure half as wide.

        ```plot
        function: x^2 | square
        x: -2, 2
        xlabel: input
        width: 50%
        caption: A parabola in a half-width figure.
        ```
        """;

    [Fact(Timeout = 180_000)]
    public async Task Plot_text_in_a_half_width_figure_is_at_least_7pt_and_the_size_of_a_full_width_plots()
    {
        var doc = Repo.WriteDocument(Document);
        var outDir = Path.Combine(Path.GetDirectoryName(doc)!, "out");

        var r = await BookishProcess.RunAsync(["build", doc, "-o", outDir, "--cache-dir", Path.Combine(Path.GetDirectoryName(doc)!, "cache")]);

        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        using var pdf = PdfDocument.Open(Path.Combine(outDir, "doc.pdf"));
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).ToList();
        double SizeOf(string text)
        {
            var letters = words.Where(w => w.Text == text).SelectMany(w => w.Letters).ToList();
            Assert.NotEmpty(letters);
            return letters.Average(l => l.PointSize);
        }
        var full = SizeOf("ReLU");
        var half = SizeOf("square");
        var body = SizeOf("rectifier");
        output.WriteLine($"plot text: full width {full:0.00} pt, half width {half:0.00} pt; body {body:0.00} pt");
        Assert.True(half >= 7, $"half-width plot text is {half:0.00} pt");
        Assert.InRange(half, full - 1, full + 1);
        Assert.True(full < body, $"plot text {full:0.00} pt is smaller than the body's {body:0.00} pt");
    }
}
