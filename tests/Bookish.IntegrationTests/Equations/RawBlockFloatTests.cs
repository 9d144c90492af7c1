using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Equations;

/// <summary>A raw LaTeX block holding a float (a table or figure environment) is typeset in place in the page's picture.</summary>
public sealed class RawBlockFloatTests
{
    [Fact(Timeout = 180_000)]
    public async Task A_table_float_in_a_legacy_latex_block_renders_with_its_caption()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bookish-rawfloat-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "article.xml"), "<article>\n<include file=\"index.xml\">\n");
        File.WriteAllText(Path.Combine(dir, "index.xml"), """
            <chapter title="Plain descent">

            The step sizes we tried, as a LaTeX table:

            <latex>
            \begin{table}
            \centering
            \begin{tabular}{cc} $\eta$ & loss \\ 0.1 & 0.52 \\ 0.01 & 0.61 \end{tabular}
            \caption{Step sizes}
            \end{table}
            </latex>

            The smaller step was slower.
            """);
        var r = await Publisher.BuildAsync(new BuildOptions(Path.Combine(dir, "article.xml")) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.DoesNotContain(r.Diagnostics, d => d.IsError);
        Assert.NotNull(r.PdfPath);
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "o", "index.html")));
        var raw = Assert.Single(html.QuerySelectorAll("div.math.display.raw"));
        Assert.False(raw.ClassList.Contains("error"));
        Assert.NotNull(raw.QuerySelector("svg"));
    }
}
