using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Equations;

/// <summary>
/// algorithm2e in raw LaTeX blocks, under the TeX lockdown: its keywords end in xspace's <c>\xspace</c>, whose set-up
/// needs <c>\everyeof</c> and <c>\scantokens</c> (run before the lockdown, so the document never uses them).
/// </summary>
public sealed class Algorithm2eBlockTests
{
    private const string Chapter = """
        <chapter title="Descent, written out">

        One step at a time, until the budget runs out:

        <latex>
        \SetKwInOut{Input}{input}
        \begin{algorithm}
        \Input{a step size $\eta > 0$ and a start $x_0$}
        \For{$k \gets 0$ \KwTo $K-1$}{
          \eIf{$\|\nabla f(x_k)\| < \varepsilon$}{\Return $x_k$\;}{$x_{k+1} \gets x_k - \eta\, \nabla f(x_k)$\;}
        }
        \caption{Fixed-step descent}
        \end{algorithm}
        </latex>

        The stopping test costs one extra gradient norm per step.
        """;

    [Fact(Timeout = 240_000)]
    public async Task A_legacy_latex_block_with_algorithm2e_builds_and_the_pdf_prints_the_algorithm()
    {
        var dir = Repo.TempDirectory("bookish-algo2e-");
        File.WriteAllText(Path.Combine(dir, "article.xml"), "<article>\n<include file=\"index.xml\">\n");
        File.WriteAllText(Path.Combine(dir, "index.xml"), Chapter);
        var output = Path.Combine(dir, "out");
        var r = await BookishProcess.RunAsync(["build", Path.Combine(dir, "article.xml"), "-o", output, "--cache-dir", Path.Combine(dir, ".cache")], dir);
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        Assert.DoesNotContain("not allowed", r.StandardError + r.StandardOutput);

        var pdfPath = Assert.Single(Directory.GetFiles(output, "*.pdf"));
        using var pdf = PdfDocument.Open(pdfPath);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        var text = string.Join(" ", words);
        Assert.Contains("Fixed-step descent", text);
        Assert.Contains("Algorithm", words);
        Assert.Contains("to", words);       // \KwTo, which ends in \xspace
        Assert.Contains("return", words);   // \Return
        Assert.Contains("input", words);    // \SetKwInOut
        Assert.DoesNotContain("could not", text);

        // The page shows the algorithm as a picture, not an error box.
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        var raw = Assert.Single(html.QuerySelectorAll("div.math.display.raw"));
        Assert.False(raw.ClassList.Contains("error"));
        Assert.NotNull(raw.QuerySelector("svg"));
    }

    [Fact(Timeout = 240_000)]
    public async Task A_markdown_raw_latex_block_with_algorithm2e_from_front_matter_builds()
    {
        var dir = Repo.TempDirectory("bookish-algo2e-md-");
        var source = Path.Combine(dir, "descent.md");
        File.WriteAllText(source, """
            ---
            title: Descent, written out
            packages:
              - name: algorithm2e
                options: ruled, vlined
            ---

            One step at a time:

            ```{=latex}
            \begin{algorithm}[H]
            \For{$k = 0$ \KwTo $K-1$}{$x_{k+1} \gets x_k - \eta \nabla f(x_k)$\;}
            \caption{Plain descent loop}
            \end{algorithm}
            ```

            That is all.
            """);
        var r = await Publisher.BuildAsync(new BuildOptions(source) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.DoesNotContain(r.Diagnostics, d => d.IsError);
        using var pdf = PdfDocument.Open(r.PdfPath!);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("Plain", words);
        Assert.Contains("loop", words);
        Assert.Contains("to", words);
    }
}
