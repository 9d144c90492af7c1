using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Python;

/// <summary>
/// The legacy dialect's values as the original bookish showed them (its Translator formats an inline value whose Python
/// type name starts with "float" with Java's <c>String.format("%.4f", …)</c> of its <c>str()</c>; everything else, and
/// every <c>output="expr"</c> that is not a DataFrame, is <c>repr()</c>), <c>!</c> lines highlighted in page and PDF,
/// and matplotlib's text in the PDF's own font. Real Python in the sandbox, real TeX, PdfPig.
/// </summary>
public sealed class BookishValueTests
{
    private const string Chapter = """
        <chapter label="vals" title="Values">

        <section label="v" title="Inline values">

        <pyeval label=v output="x">
        import numpy as np
        !x = 0.1 + 0.2
        y = [1, 2]
        </pyeval>

        third=<py>1/3</py>; tie=<py>2.00005</py>; negzero=<py>-0.00001</py>; npf64=<py>np.float64(2.5)</py>; npf32=<py>np.float32(0.1)</py>; big=<py>1e20</py>; int=<py>432</py>; str=<py>"bean"</py>; bool=<py>3 > 2</py>; nan=<py>float("nan")</py>; list=<py>y</py>.

        <pyeval label=v output="y">
        y.append(3)
        </pyeval>

        <pyfig label=v>
        import matplotlib.pyplot as plt
        !plt.plot([1, 2, 3], [2.0, 4.5, 7.0])
        plt.xlabel("weeks of growth")
        </pyfig>
        """;

    [Fact(Timeout = 240_000)]
    public async Task Legacy_values_are_formatted_as_bookish_did_and_bang_lines_are_highlighted_in_page_and_pdf()
    {
        var dir = Repo.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "book.xml"), "<book title=\"Values\" author=\"A. Gardener\">\n\n<include file=vals.xml>\n");
        File.WriteAllText(Path.Combine(dir, "vals.xml"), Chapter);

        var result = await Publisher.BuildAsync(new BuildOptions(Path.Combine(dir, "book.xml"))
        {
            OutputDirectory = Path.Combine(dir, "site"),
            CacheDirectory = Path.Combine(dir, "cache"),
            Execute = true,
            KeepTex = true,
        });

        Assert.Equal(BuildKind.Succeeded, result.Kind);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(result.OutputDirectory, "vals.html")));
        var text = page.QuerySelector("main")!.TextContent;
        // Java's %.4f rounds half up from the shortest decimal form: 2.00005 is 2.0001 (C's printf says 2.0000).
        Assert.Contains("third=0.3333; tie=2.0001; negzero=-0.0000; npf64=2.5000; npf32=0.1000; big=100000000000000000000.0000; int=432; str='bean'; bool=True; nan=nan; list=[1, 2].", text);
        // output="expr": the expression ends the code shown, and its value is repr(), not rounded.
        var outputs = page.QuerySelectorAll("pre code.language-output").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("0.30000000000000004", outputs);
        Assert.Contains("[1, 2, 3]", outputs);
        var code = page.QuerySelectorAll("pre code.language-python").ToList();
        Assert.EndsWith("y = [1, 2]\nx", code[0].TextContent.TrimEnd());
        // The ! is gone and its line is highlighted, as hl_lines are.
        var marked = page.QuerySelectorAll("pre code.language-python span.line.hl").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["x = 0.1 + 0.2", "plt.plot([1, 2, 3], [2.0, 4.5, 7.0])"], marked);
        Assert.DoesNotContain("!", string.Concat(code.Select(c => c.TextContent)));

        var tex = File.ReadAllText(Path.Combine(result.OutputDirectory, Path.GetFileNameWithoutExtension(result.PdfPath!) + ".tex"));
        Assert.Equal(2, tex.Split("highlightlines={2}").Length - 1);

        // In the PDF the values read the same, and the figure's own text is Latin Modern Roman like the body.
        using var pdf = PdfDocument.Open(result.PdfPath!);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).ToList();
        Assert.Contains(words, w => w.Text.Contains("tie=2.0001"));
        var axisLetters = words.Where(w => w.Text is "weeks" or "growth").SelectMany(w => w.Letters).ToList();
        Assert.NotEmpty(axisLetters);
        Assert.All(axisLetters, l => Assert.Contains("LMRoman10", l.FontName));
    }
}
