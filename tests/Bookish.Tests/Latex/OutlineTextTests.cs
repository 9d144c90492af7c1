using Bookish.Latex;

namespace Bookish.Tests.Latex;

/// <summary>Math in headings reaches the PDF outline as Unicode text.</summary>
public sealed class OutlineTextTests
{
    [Theory]
    [InlineData(@"\alpha", "α")]
    [InlineData(@"\nabla f", "∇f")]
    [InlineData(@"x^2", "x²")]
    [InlineData(@"x_1", "x₁")]
    [InlineData(@"x_{i}", "xᵢ")]
    [InlineData(@"\mathbf{W}^T", "Wᵀ")]
    [InlineData(@"\mathbf{x}^\top", "xᵀ")]
    [InlineData(@"\frac{\partial y}{\partial x}", "∂y/∂x")]
    [InlineData(@"\ensuremath{\beta}", "β")]
    [InlineData(@"\sigma(z) \leq 1", "σ(z) ≤ 1")]
    [InlineData(@"\log p", "log p")]
    [InlineData(@"x^{n+1}", "xⁿ⁺¹")]
    [InlineData(@"\mathbb{R}^{m \times n}", "ℝ^(m×n)")]
    [InlineData(@"y_\beta", "y_β")]
    public void Heading_math_becomes_unicode(string tex, string text) =>
        Assert.Equal(text, OutlineText.FromMath(tex));

    [Fact]
    public void Specials_are_escaped_for_the_moving_argument() =>
        Assert.Equal(@"a\_(i,j)", OutlineText.ForPdfString(@"a_{i,j}"));

    [Theory]
    [InlineData("# Weights $\\mathbf{W}^T$ and $\\ensuremath{\\beta}$\n", "Weights")]
    [InlineData("# Bias $\\beta$ and $\\mathbf{b}$\n", "Bias")]
    public void A_heading_ending_in_math_with_braces_keeps_its_math(string markdown, string first)
    {
        var heading = Assert.Single(TestDocuments.Read(markdown).Blocks.OfType<Bookish.Model.Heading>());
        Assert.Equal(2, heading.Content.OfType<Bookish.Model.MathInline>().Count());
        Assert.StartsWith(first, Bookish.Model.Presentation.PlainText(heading.Content));
    }

    [Fact]
    public void Heading_attributes_at_the_end_of_the_line_still_work()
    {
        var heading = Assert.Single(TestDocuments.Read("# The $\\nabla$ operator {#sec:nabla}\n").Blocks.OfType<Bookish.Model.Heading>());
        Assert.Equal("sec:nabla", heading.Label);
    }
}
