using Bookish.Latex;
using Bookish.Model;

namespace Bookish.Tests.Syntax;

/// <summary>A callout in the PDF is a coloured, breakable box in its kind's colour, with the page's title.</summary>
public sealed class CalloutLatexTests
{
    [Fact]
    public void A_tip_callout_is_a_green_framed_box_with_its_title()
    {
        var doc = TestDocuments.Read("::: {.callout-tip title=\"Check the units\"}\nMetres, not feet.\n:::\n");
        var publication = new Publication(doc.Metadata, [doc], false, "doc");
        var tex = LatexWriter.Write(new LatexWriterContext(publication, "\\documentclass{article}\n%% bookish:preamble\n\\begin{document}\n%% bookish:body\n\\end{document}\n", "")).Tex;
        Assert.Contains("\\usepackage{framed}", tex);
        Assert.Contains("\\begin{bkcallout}{2E7D32}", tex);
                Assert.Contains("\\textbf{Check the units}", tex);
        Assert.DoesNotContain("\\begin{quote}", tex);
    }
}
