using Bookish.Latex;
using Bookish.Model;

namespace Bookish.Tests.Latex;

/// <summary>Figures and tables of the page's own text float as LaTeX authors let them; inside a list or a box they stay put.</summary>
public sealed class FloatPlacementTests
{
    private const string Template = "\\documentclass{article}\n%% bookish:preamble\n%% bookish:metadata\n\\begin{document}\n%% bookish:title\n%% bookish:body\n\\end{document}\n";

    private static string Write(string markdown)
    {
        var doc = TestDocuments.Read(markdown);
        return LatexWriter.Write(new LatexWriterContext(new Publication(doc.Metadata, [doc], false, "doc"), Template, "")).Tex;
    }

    [Fact]
    public void A_captioned_table_and_a_figure_of_the_text_float_htbp()
    {
        var tex = Write("---\ntitle: T\n---\n\n| Step | Loss |\n|---|---|\n| 1 | 0.9 |\n\nTable: Training loss {#tbl:loss}\n\n![The loss curve](loss.png){#fig:loss}\n\nText.\n");
        Assert.Contains("\\begin{table}[htbp]", tex);
        Assert.Contains("\\begin{figure}[htbp]", tex);
        Assert.DoesNotContain("[H]", tex);
    }

    [Fact]
    public void A_figure_inside_a_list_item_stays_in_place()
    {
        var tex = Write("---\ntitle: T\n---\n\n1. First step, with its picture:\n\n   ![The first step](step.png){#fig:step}\n\n2. Second step.\n");
        Assert.Contains("\\begin{figure}[H]", tex);
    }

    [Fact]
    public void An_image_without_a_caption_stays_by_its_text()
    {
        var tex = Write("---\ntitle: T\n---\n\nThe neuron:\n\n![](neuron.png)\n\nIts inputs are weighted.\n");
        Assert.Contains("\\begin{figure}[H]", tex);
    }
}
