using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Calculus;

public sealed class AutoCheckTests
{
    private static AutoCheckReport Run(params string[] equations) =>
        DerivativeChecker.AutoCheck(equations.Select((e, i) => (e, SourceSpan.At("paper.md", i + 1, 1))), new AutoCheckOptions());

    [Fact]
    public void Correct_chains_are_verified_and_counted()
    {
        var r = Run(@"\frac{d}{dx} 7(x^3 + x) = 7 \frac{d}{dx}(x^3 + x) = 7 (\frac{d}{dx}x^3 + \frac{d}{dx}x) = 7(3x^2 + 1) = 21x^2 + 7",
                    @"\frac{\partial}{\partial \mathbf{x}} ( \mathbf{x} z ) = I z");

        Assert.Equal((2, 2, 0, 0), (r.Checked, r.Verified, r.Refuted, r.NotCheckable));
    }

    [Fact]
    public void A_clear_error_is_refuted_with_BK4001_at_the_equation()
    {
        var r = Run(@"\frac{d}{dx} x^3 = 3x^3");

        Assert.Equal(1, r.Refuted);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticIds.DerivativeRefuted, d.Id);
        Assert.Equal(1, d.Span.Line);
    }

    [Theory]
    [InlineData(@"\frac{dy}{dx} = 2x")]
    [InlineData(@"\frac{d}{dx} f(x) = f'(x)")]
    [InlineData(@"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = \mathbf{W}")]
    [InlineData(@"\frac{\partial}{\partial \mathbf{x}} \mathbf{w} \cdot \mathbf{x} = \mathbf{w}")]
    public void Doubtful_equations_are_not_checkable_never_refuted(string tex)
    {
        var r = Run(tex);

        Assert.Equal(0, r.Refuted);
        Assert.Equal(1, r.NotCheckable);
        Assert.All(r.Diagnostics, d => Assert.Equal(Severity.Info, d.Severity));
    }

    [Fact]
    public void Equations_without_derivatives_are_not_counted()
    {
        var r = Run(@"y = \mathbf{w} \cdot \mathbf{x} + b");

        Assert.Equal(0, r.Checked);
    }

    [Fact]
    public void Aligned_rows_continue_a_chain_and_matrix_rows_stay_together()
    {
        var chains = DerivativeChecker.Chains(@"\frac{d}{dx} x^2 &= 2x \\ &= x + x \\ \frac{d}{dx} \begin{bmatrix} x \\ x^2 \end{bmatrix} = \begin{bmatrix} 1 \\ 2x \end{bmatrix}");

        Assert.Equal(2, chains.Count);
        Assert.Contains("= x + x", chains[0]);
    }
}
