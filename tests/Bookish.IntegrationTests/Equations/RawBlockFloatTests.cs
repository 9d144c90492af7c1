using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Equations;

/// <summary>A raw LaTeX block holding a float (an algorithm2e algorithm, a figure) is typeset in place in the page's picture.</summary>
public sealed class RawBlockFloatTests
{
    [Fact(Timeout = 180_000)]
    public async Task An_algorithm_in_a_legacy_latex_block_renders_with_its_caption()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bookish-rawfloat-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "article.xml"), "<article>\n<include file=\"index.xml\">\n");
        File.WriteAllText(Path.Combine(dir, "index.xml"), """
            <chapter title="Plain descent">

            The loop, as in the paper:

            <latex>
            \begin{algorithm}
            \caption{Gradient descent}
            \For{$t = 1$ \KwTo $T$}{ $\mathbf{w} \leftarrow \mathbf{w} - \eta \nabla L(\mathbf{w})$ }
            \end{algorithm}
            </latex>

            It stops after $T$ steps.
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
