using Bookish.Equations;
using Bookish.Model;
using Bookish.Reading;

namespace Bookish.Tests.Equations;

/// <summary>Displays with a line of text between their rows (\intertext) as MathJax and LaTeX authors write them.</summary>
public sealed class IntertextTests
{
    [Fact]
    public void An_environment_inside_dollars_is_read_as_that_environment()
    {
        var (tex, env) = TexMathBlockParser.Unwrap("\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}", MathEnvironment.Display);
        Assert.Equal(MathEnvironment.Align, env);
        Assert.Equal("a &= b \\\\\nc &= d", tex);
        Assert.Equal(MathEnvironment.Display, TexMathBlockParser.Unwrap("\\begin{aligned}a&=b\\end{aligned}", MathEnvironment.Display).Environment);
    }

    [Fact]
    public void Intertext_without_a_row_break_before_it_still_starts_a_row_as_amsmath_does()
    {
        Assert.Equal(2, Numbering.Rows("a &= b \\intertext{so} c &= d").Count);
        Assert.Equal(2, Numbering.Rows("a &= b \\\\ \\intertext{so} c &= d").Count);
        Assert.Single(Numbering.Rows("\\intertext{first} a &= b"));
        Assert.Single(Numbering.Rows("a &= b \\intertextual"));
    }

    [Fact]
    public void A_numbered_align_with_intertext_is_typeset_as_align_star_with_a_marker_on_each_numbered_row()
    {
        var doc = Numbering.Apply(TestDocuments.Read("$$\n\\begin{align}\nf &= g \\\\\n\\intertext{and so}\nf &= h \\nonumber \\\\\n  &= k\n\\end{align}\n$$\n"));
        var block = Assert.Single(doc.Blocks.OfType<MathBlock>());
        Assert.Equal(MathEnvironment.Align, block.Environment);
        Assert.Equal(["1", "2"], block.Numbers.ToArray());
        var (tex, mode) = MathTex.ForBlock(block);
        Assert.Equal(MathMode.Display, mode);
        Assert.StartsWith("\\begin{align*}", tex);
        Assert.Equal(2, tex.Split(MathTex.RowMarker).Length - 1);
    }

    [Fact]
    public void Intertext_in_aligned_or_a_plain_display_becomes_align_star_for_the_pdf()
    {
        var block = new MathBlock("\\begin{aligned} a &= b \\shortintertext{so} c &= d \\end{aligned}", MathEnvironment.Display, Text.SourceSpan.None);
        Assert.Equal("\\begin{align*} a &= b \\shortintertext{so} c &= d \\end{align*}", MathTex.PdfTextDisplay(block));
        Assert.Null(MathTex.PdfTextDisplay(new MathBlock("a = b", MathEnvironment.Display, Text.SourceSpan.None)));
    }
}
