using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>A refuted claim's message names only the symbols the claim uses, once, and calls a flipped sign what it is.</summary>
public sealed class RefutationMessageTests
{
    [Fact]
    public void A_claim_that_is_minus_the_derivative_is_called_a_sign_error()
    {
        var v = DerivativeChecker.CheckClaim(@"\mathbf{x} \in \mathbb{R}^3", @"f(\mathbf{x}) = \mathbf{x}^T \mathbf{x}", @"\nabla f(\mathbf{x}) = -2\mathbf{x}", "numerator");

        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Contains("sign error", v.Message);
    }

    [Fact]
    public void A_claim_that_is_wrong_otherwise_is_not_called_a_sign_error()
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", "", @"\frac{d}{dx} x^3 = 3x", "numerator");

        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.DoesNotContain("sign", v.Message);
    }

    [Fact]
    public void The_point_lists_the_symbols_the_claim_and_its_definitions_use_and_no_other_declaration()
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}, \mathbf{A} \in \mathbb{R}^{2 \times 2}, \mathbf{v} \in \mathbb{R}^2, t \in \mathbb{R}",
            @"g(x) = x^2 \mathbf{v}", @"\frac{d}{dx} g(x) = x \mathbf{v}", "numerator");

        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal(["x", @"\mathbf{v}"], v.Counterexample!.Point.Select(p => p.Name));
    }

    [Fact]
    public void A_refuted_block_says_refuted_once_and_quotes_the_claim_once()
    {
        var block = "declare: x \\in \\mathbb{R}, y \\in \\mathbb{R}\nclaim: \\frac{d}{dx} \\sin(x) = -\\cos(x)";

        var d = Assert.Single(DerivativeChecker.CheckBlock(block, SourceSpan.At("a.md", 3, 1), CheckContext.Default).Diagnostics);

        Assert.Equal(DiagnosticIds.DerivativeRefuted, d.Id);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(d.Message, "refuted"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(d.Message, System.Text.RegularExpressions.Regex.Escape(@"-\cos(x)")));
        Assert.Contains("sign error", d.Message);
        Assert.DoesNotContain("y =", d.Message);
    }
}
