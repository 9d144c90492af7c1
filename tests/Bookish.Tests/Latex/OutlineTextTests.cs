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
}
