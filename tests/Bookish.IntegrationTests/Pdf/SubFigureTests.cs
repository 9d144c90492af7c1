using AngleSharp.Html.Parser;
using Bookish.Checks.Parity;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Pdf;

/// <summary>A legacy figure whose body is a table of images: one labelled, referable figure with (a), (b), (c) in the page and the PDF.</summary>
public sealed class SubFigureTests(ITestOutputHelper output)
{
    private static void Png(string path, byte r, byte g, byte b)
    {
        var info = new SkiaSharp.SKImageInfo(120, 80);
        using var surface = SkiaSharp.SKSurface.Create(info);
        surface.Canvas.Clear(new SkiaSharp.SKColor(r, g, b));
        using var data = surface.Snapshot().Encode(SkiaSharp.SKEncodedImageFormat.Png, 90);
        File.WriteAllBytes(path, data.ToArray());
    }

    [Fact(Timeout = 180_000)]
    public async Task A_table_of_images_is_a_referable_figure_of_sub_images()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bookish-subfig-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        Png(Path.Combine(dir, "images", "flat.png"), 40, 110, 220);
        Png(Path.Combine(dir, "images", "steep.png"), 220, 80, 40);
        Png(Path.Combine(dir, "images", "saddle.png"), 60, 160, 90);
        File.WriteAllText(Path.Combine(dir, "article.xml"), "<article>\n<include file=\"index.xml\">\n");
        File.WriteAllText(Path.Combine(dir, "index.xml"), """
            <chapter title="Loss surfaces, side by side" author={Ana Lima}>

            Three pictures of one loss are in [fig:surfaces]; plain gradient descent stalls at the saddle.

            <section title="What the pictures show" label="pictures">

            When the step is small, the iterate creeps down the valley. When it is large it bounces between the walls.

            <figure label="fig:surfaces" caption="The loss around three starting points.">
            <table>
            <tr>
            	<td><img src="images/flat.png" alt="flat region">
            	<td><img src="images/steep.png" alt="steep valley">
            	<td><img src="images/saddle.png" alt="saddle point">
            <tr>
            	<td>(a) a flat region
            	<td>(b) a steep valley
            	<td>(c) a saddle, where $\nabla L = 0$
            </table>
            </figure>

            The caption of [fig:surfaces] names each panel; momentum keeps the iterate moving where the gradient alone would stall.
            """);
        var r = await Publisher.BuildAsync(new BuildOptions(Path.Combine(dir, "article.xml")) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.DoesNotContain(r.Diagnostics, d => d.IsError);

        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "o", "index.html")));
        var figure = html.QuerySelector("figure#fig\\:surfaces")!;
        Assert.NotNull(figure);
        Assert.Equal(["(a)", "(b)", "(c)"], figure.QuerySelectorAll(".subfigure .sub-label").Select(e => e.TextContent));
        Assert.Equal(3, figure.QuerySelectorAll(".subfigure img").Length);
        Assert.All(figure.QuerySelectorAll(".subfigure img"), img => Assert.True(File.Exists(Path.Combine(dir, "o", img.GetAttribute("src")!))));
        Assert.NotNull(figure.QuerySelector(".subcaption .math.inline svg"));
        Assert.Equal("Figure 1:", figure.QuerySelector("figcaption .fig-label")!.TextContent);
        Assert.All(html.QuerySelectorAll("a.xref"), a => Assert.Equal("#fig:surfaces", a.GetAttribute("href")));

        using var pdf = PdfDocument.Open(r.PdfPath!);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("(a) a flat region", text);
        Assert.Contains("(b) a steep valley", text);
        Assert.Contains("Figure 1: The loss around three starting points.", text);
        Assert.Equal(3, pdf.GetPage(1).GetImages().Count());

        var report = ParityChecker.Compare(Path.Combine(dir, "o"), r.PdfPath!);
        output.WriteLine(ParityFormatter.Text(report));
        Assert.True(report.Agree, ParityFormatter.Text(report));
    }
}
