using Bookish.Model;

namespace Bookish.Tests.Dialect;

/// <summary>A legacy <c>&lt;figure label caption&gt;</c> whose body is a table of images is one labelled figure of sub-images.</summary>
public sealed class SubFigureTests
{
    private const string Head = "<chapter title=\"Loss surfaces\" label=\"chap\">\n\n";

    [Fact]
    public void Images_with_a_row_of_captions_below_become_sub_images_a_b_c()
    {
        var (publication, diagnostics) = DialectFixture.ReadChapter(Head +
            "See [fig:grid].\n\n<figure label=\"fig:grid\" caption=\"Three learning rates.\">\n<table>\n<tr>\n\t<td><img src=\"a.png\" alt=\"small\">\n\t<td><img src=\"b.png\">\n\t<td><img src=\"c.png\">\n" +
            "<tr>\n\t<td>(a) a small step\n\t<td>(b) a large step\n\t<td>too large, $\\eta = 2$\n</table>\n</figure>\n");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var figure = Assert.Single(Numbering.Apply(publication).Pages[0].Blocks.OfType<Figure>());
        Assert.Equal(("fig:grid", "1", 3), (figure.Label, figure.Number, figure.Columns));
        Assert.Equal(["a.png", "b.png", "c.png"], figure.Parts.Select(p => p.Source));
        Assert.Equal("a small step", Presentation.PlainText(figure.Parts[0].Caption).Trim());
        Assert.Equal("a large step", Presentation.PlainText(figure.Parts[1].Caption).Trim());
        Assert.Contains(figure.Parts[2].Caption, i => i is MathInline { Tex: "\\eta = 2" });
        Assert.Equal("small", figure.Parts[0].Alt);
        Assert.Equal("(c)", Figure.SubLabel(2));
    }

    [Fact]
    public void Captions_in_the_image_cells_and_two_rows_of_images_make_a_two_column_grid()
    {
        var (publication, diagnostics) = DialectFixture.ReadChapter(Head +
            "<figure label=\"fig:four\" caption=\"Four panels.\">\n<table>\n<tr><td><img src=\"1.png\"><br>first<td><img src=\"2.png\"><br>second\n" +
            "<tr><td><img src=\"3.png\"><br>third<td><img src=\"4.png\"><br>fourth\n</table>\n</figure>\n");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var figure = Assert.Single(publication.Pages[0].Blocks.OfType<Figure>());
        Assert.Equal(2, figure.Columns);
        Assert.Equal(["first", "second", "third", "fourth"], figure.Parts.Select(p => Presentation.PlainText(p.Caption).Trim()));
    }

    [Fact]
    public void A_table_of_text_inside_a_figure_is_not_taken_for_sub_images()
    {
        var (publication, _) = DialectFixture.ReadChapter(Head +
            "<figure label=\"fig:t\" caption=\"Words.\">\n<table>\n<tr><td>one<td>two\n</table>\n</figure>\n");
        Assert.Empty(publication.Pages[0].Blocks.OfType<Figure>());
    }
}
