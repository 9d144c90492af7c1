using Bookish.Pipeline;

namespace Bookish.Tests.Writing.Epub;

/// <summary>A plot's SVG in the book: ids named after the plot's place (not Skia's per-process counter), colours without custom properties.</summary>
public sealed class EpubPlotTests
{
    private static string Plot(int clip) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0L1 1\" style=\"stroke:var(--plot-1, #0072b2)\"/><clipPath id=\"cl_{clip}\"><rect/></clipPath><g clip-path=\"url(#cl_{clip})\"><use href=\"#cl_{clip}\"/></g></svg>";

    [Fact]
    public void The_same_plot_drawn_twice_in_one_process_is_the_same_svg_in_the_book()
    {
        Assert.Equal(EpubStage.ForBook(Plot(3), 0), EpubStage.ForBook(Plot(5), 0));
    }

    [Fact]
    public void Ids_and_references_are_renamed_together_and_colours_lose_their_custom_properties()
    {
        var svg = EpubStage.ForBook(Plot(3), 1);
        Assert.Contains("id=\"plot2-1\"", svg);
        Assert.Contains("url(#plot2-1)", svg);
        Assert.Contains("href=\"#plot2-1\"", svg);
        Assert.DoesNotContain("cl_3", svg);
        Assert.Contains("stroke:#0072b2", svg);
    }
}
