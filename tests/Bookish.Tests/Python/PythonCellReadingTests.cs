using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Python;

public sealed class PythonCellReadingTests
{
    private static (Document Doc, IReadOnlyList<Diagnostic> Diagnostics) ReadMarkdown(string text)
    {
        var bag = new DiagnosticBag();
        var doc = MarkdownReader.Read(new SourceText("/project/notes.md", text), bag);
        return (doc, bag.ToList());
    }

    [Fact]
    public void A_quarto_cell_takes_its_hash_pipe_options_and_keeps_the_code_below_them()
    {
        var (doc, diagnostics) = ReadMarkdown("""
            Intro.

            ```{python}
            #| label: fig-wave
            #| fig-cap: "A sine *wave*"
            #| echo: false
            #| fig-width: 4
            import numpy as np
            x = np.linspace(0, 6.3)
            ```
            """);

        var cell = Assert.Single(doc.Blocks.OfType<PythonCell>());
        Assert.Equal("import numpy as np\nx = np.linspace(0, 6.3)", cell.Code);
        Assert.Equal(8, cell.FirstCodeLine);
        Assert.False(cell.Echo);
        Assert.True(cell.IsFigure);
        Assert.Equal("fig-wave", cell.FigureLabel);
        Assert.Contains(cell.Caption, i => i is Emphasis);
        Assert.Equal((4.0, 4.0), cell.FigureSize);
        Assert.True(cell.ShowLastValue);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void An_unknown_cell_option_is_a_warning_at_its_line_and_the_cell_still_reads()
    {
        var (doc, diagnostics) = ReadMarkdown("""
            ```{python}
            #| colour: blue
            print("ok")
            ```
            """);

        Assert.Single(doc.Blocks.OfType<PythonCell>());
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.PythonCellOption.Id, warning.Id);
        Assert.Equal(2, warning.Span.Line);
    }

    [Fact]
    public void Inline_python_is_a_value_and_plain_python_fences_stay_code()
    {
        var (doc, _) = ReadMarkdown("""
            The answer is `{python} 6 * 7` and `len(x)` is just code.

            ```python
            print("not executed")
            ```
            """);

        var inline = Assert.Single(ModelWalker.Inlines(doc).OfType<PythonInline>());
        Assert.Equal("6 * 7", inline.Expression);
        Assert.Contains(ModelWalker.Inlines(doc).OfType<Code>(), c => c.Value == "len(x)");
        Assert.Equal("python", Assert.Single(doc.Blocks.OfType<CodeBlock>()).Info);
        Assert.Empty(doc.Blocks.OfType<PythonCell>());
    }

    [Fact]
    public void A_bang_marks_a_highlighted_line_and_is_removed_from_the_code()
    {
        var (code, lines) = Bookish.Python.PythonCode.HighlightMarks("a = 1\n!b = a + 1\nprint(b)");
        Assert.Equal("a = 1\nb = a + 1\nprint(b)", code);
        Assert.Equal([2], lines.ToArray());
    }

    [Fact]
    public void Legacy_cells_read_hide_disable_side_and_width()
    {
        var dir = Directory.CreateTempSubdirectory("bookish-py-").FullName;
        File.WriteAllText(Path.Combine(dir, "book.xml"), "<book title=\"T\">\n<include file=c.xml>\n");
        File.WriteAllText(Path.Combine(dir, "c.xml"), """
            <chapter label="c" title="C">

            <pyeval label=g hide>
            a = 2
            </pyeval>

            <pyeval disable>
            import nothing_at_all
            </pyeval>

            <pyfig label=g side width="30%">
            import matplotlib.pyplot as plt
            plt.plot([1, a])
            </pyfig>

            Value <py>a * 3</py>.

            """);
        var bag = new DiagnosticBag();
        var publication = Bookish.Publishing.InputReader.ReadOrRefuse(Path.Combine(dir, "book.xml"), bag, Bookish.Security.ProjectRoot.ForInput(Path.Combine(dir, "book.xml"), null)).Publication!;
        var cells = publication.Pages[1].Blocks.OfType<PythonCell>().ToList();
        Assert.Equal(3, cells.Count);
        Assert.False(cells[0].Echo);
        Assert.False(cells[1].Enabled);
        Assert.True(cells[2].IsFigure && cells[2].Side);
        Assert.Equal(0.3, cells[2].WidthFraction, 3);
        Assert.Equal(12, cells[2].FirstCodeLine);
        Assert.Equal("g", Assert.Single(ModelWalker.Inlines(publication.Pages[1]).OfType<PythonInline>()).Group);
    }
}
