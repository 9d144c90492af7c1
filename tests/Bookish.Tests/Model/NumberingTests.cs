using Bookish.Model;

namespace Bookish.Tests.Model;

public sealed class NumberingTests
{
    [Fact]
    public void Equations_are_numbered_as_LaTeX_numbers_them()
    {
        var doc = TestDocuments.Read("""
            \begin{equation} a \label{eq:a} \end{equation}

            $$ b $$

            \begin{align}
            c &= 1 \label{eq:c} \\
            d &= 2 \nonumber \\
            e &= 3 \label{eq:e}
            \end{align}

            \begin{equation*} f \end{equation*}

            \begin{gather} g \\ h \end{gather}

            \begin{equation} i \tag{*} \end{equation}

            \begin{multline} j \\ k \end{multline}
            """);
        var numbers = doc.Blocks.OfType<MathBlock>().Select(m => string.Join(",", m.Numbers)).ToList();
        Assert.Equal(["1", "", "2,3", "", "4,5", "*", "6"], numbers);
        Assert.Equal("1", doc.Labels.Find("eq:a")!.Number);
        Assert.Equal("2", doc.Labels.Find("eq:c")!.Number);
        Assert.Equal("3", doc.Labels.Find("eq:e")!.Number);
        // A labelled block is known by its (first) label; a later numbered row's label is that row's own anchor.
        Assert.Equal("eq:c", doc.Labels.Find("eq:c")!.Id);
        Assert.Equal("eq:e", doc.Labels.Find("eq:e")!.Id);
        var ids = doc.Blocks.OfType<MathBlock>().Select(m => m.Id).ToList();
        Assert.Equal(["eq:a", "math-2", "eq:c", "math-4", "eq-4", "eq-*", "eq-6"], ids);
    }

    [Fact]
    public void Sections_are_numbered_from_the_top_level_used()
    {
        var doc = TestDocuments.Read("## A\n\n### B\n\n### C\n\n## D {.unnumbered}\n\n## E {#sec:e}\n");
        var headings = doc.Blocks.OfType<Heading>().Select(h => h.Number).ToList();
        Assert.Equal(["1", "1.1", "1.2", "", "2"], headings);
        Assert.Equal("2", doc.Labels.Find("sec:e")!.Number);
    }

    [Fact]
    public void Figures_tables_and_notes_get_numbers_and_unique_ids()
    {
        var doc = TestDocuments.Read("![One](a.png){#fig:a}\n\n![Two](b.png)\n\n| x |\n|---|\n| 1 |\n\nTable: T {#tbl:t}\n\nA[^1] B[^2]\n\n[^1]: n1\n[^2]: n2\n");
        var figures = doc.Blocks.OfType<Figure>().ToList();
        Assert.Equal(["1", "2"], figures.Select(f => f.Number));
        Assert.Equal("fig:a", figures[0].Id);
        Assert.Equal("1", doc.Blocks.OfType<Table>().Single().Number);
        var notes = doc.Blocks.OfType<Paragraph>().Last().Content.OfType<Note>().Select(n => n.Number);
        Assert.Equal(["1", "2"], notes);
    }

    [Fact]
    public void Align_rows_split_only_at_top_level_line_breaks()
    {
        var rows = Numbering.Rows(@"a &= \begin{bmatrix} 1 \\ 2 \end{bmatrix} \\ b &= {x \\ y} \\ c");
        Assert.Equal(3, rows.Count);
    }
}
