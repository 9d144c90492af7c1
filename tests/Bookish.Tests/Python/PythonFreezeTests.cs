using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Pipeline;
using Bookish.Publishing;
using Bookish.Python;
using Bookish.Reading;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Python;

/// <summary>The freeze cache and the lowering of results into ordinary blocks, without starting Python.</summary>
public sealed class PythonFreezeTests
{
    private const string Article = """
        ---
        title: Freeze
        ---

        ```{python}
        total = 2 + 3
        print("total is", total)
        ```

        Half of it: `{python} total / 2`.

        ```{python}
        #| label: fig-one
        #| fig-cap: One line
        import matplotlib.pyplot as plt
        plt.plot([0, total])
        ```

        """;

    private static Publication Read(string text)
    {
        var bag = new DiagnosticBag();
        var doc = MarkdownReader.Read(new SourceText("/project/index.md", text), bag);
        return new Publication(doc.Metadata, [doc], false, "freeze");
    }

    [Fact]
    public void A_cells_key_changes_with_its_own_code_and_earlier_code_but_not_with_later_code()
    {
        var options = new BuildOptions("/project/index.md");
        var keys = PythonStage.Collect(Read(Article).Pages[0], "fp", options).Select(i => i.Key).ToList();
        var laterChanged = PythonStage.Collect(Read(Article.Replace("plt.plot([0, total])", "plt.plot([1, total])")).Pages[0], "fp", options).Select(i => i.Key).ToList();
        var earlierChanged = PythonStage.Collect(Read(Article.Replace("2 + 3", "2 + 4")).Pages[0], "fp", options).Select(i => i.Key).ToList();
        var otherPython = PythonStage.Collect(Read(Article).Pages[0], "fp2", options).Select(i => i.Key).ToList();

        Assert.Equal(3, keys.Count);
        Assert.Equal(keys[..2], laterChanged[..2]);
        Assert.NotEqual(keys[2], laterChanged[2]);
        Assert.All(keys.Zip(earlierChanged), p => Assert.NotEqual(p.First, p.Second));
        Assert.All(keys.Zip(otherPython), p => Assert.NotEqual(p.First, p.Second));
    }

    [Fact]
    public async Task A_build_without_execute_shows_saved_results_with_a_note_and_starts_no_Python()
    {
        var cacheDir = Directory.CreateTempSubdirectory("bookish-freeze-").FullName;
        var publication = Read(Article);
        var options = new BuildOptions("/project/index.md");
        var items = PythonStage.Collect(publication.Pages[0], PythonEnvironment.Fingerprint, options);
        var cache = new PythonCache(cacheDir);
        const string svg = """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>*{stroke-linejoin: round}</style><text style="font: 10px 'DejaVu Serif', serif; fill: #000000">x</text></svg>""";
        cache.Put(items[0].Key, new PythonReply { Id = 1, Stdout = "total is 5\n" });
        cache.Put(items[1].Key, new PythonReply { Id = 2, Value = "2.5" });
        cache.Put(items[2].Key, new PythonReply { Id = 3, Figures = [new PythonFigure(svg, Convert.ToBase64String("%PDF-1.4"u8.ToArray()))] });

        var result = await PythonStage.RunAsync(publication, options, cacheDir, null, execute: false, CancellationToken.None);

        Assert.Equal(0, result.PythonProcesses);
        Assert.Equal(3, result.CellsFromCache);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.PythonSavedResults.Id);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.PythonNotExecuted.Id);
        var blocks = result.Publication.Pages[0].Blocks;
        Assert.Empty(ModelWalker.Blocks(result.Publication.Pages[0]).OfType<PythonCell>());
        Assert.Contains(blocks.OfType<CodeBlock>(), c => c.Info == "output" && c.Code == "total is 5");
        Assert.Contains(ModelWalker.Inlines(result.Publication.Pages[0]).OfType<Str>(), s => s.Value == "2.5");
        var figure = Assert.Single(blocks.OfType<Figure>());
        Assert.Equal("fig-one", figure.Label);
        Assert.NotNull(figure.Generated);
        // The SVG fits in a page: no prolog, no global style, black follows the text colour, the font is the page's.
        Assert.StartsWith("<svg", figure.Generated!.Svg);
        Assert.DoesNotContain("<style", figure.Generated.Svg);
        Assert.DoesNotContain("DejaVu", figure.Generated.Svg);
        Assert.Contains("font-size: 10px", figure.Generated.Svg);
        Assert.Contains("currentColor", figure.Generated.Svg);
    }

    [Fact]
    public void A_traceback_names_the_document_and_its_line_instead_of_the_cell()
    {
        var page = new Document(new Metadata(), [], "/project/chapter.md");
        var lowering = new PythonLowering(page, new Dictionary<Node, PythonReply>(), new DiagnosticBag());
        var mapped = lowering.MapTraceback("Traceback (most recent call last):\n  File \"<bookish-cell-4>\", line 3, in <module>\nZeroDivisionError: division by zero\n", 4, 20);
        Assert.Contains("File \"chapter.md\", line 22", mapped);
    }
}
