using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Calculus;

public sealed class CheckBlockTests
{
    [Fact]
    public void A_not_checkable_claim_is_a_BK4002_warning_at_the_offending_text()
    {
        var block = "declare: x \\in \\mathbb{R}\nclaim: \\frac{d}{dx} \\int x = x";

        var r = DerivativeChecker.CheckBlock(block, SourceSpan.At("a.md", 5, 1), CheckContext.Default);

        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticIds.DerivativeNotCheckable, d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal((6, 21), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void The_block_layout_overrides_the_documents_default()
    {
        var block = "layout: denominator\ndeclare: \\mathbf{x}, \\mathbf{w} \\in \\mathbb{R}^{3}\nclaim: \\frac{\\partial}{\\partial \\mathbf{x}} \\mathbf{w} \\cdot \\mathbf{x} = \\mathbf{w}";

        var r = DerivativeChecker.CheckBlock(block, SourceSpan.At("a.md", 1, 1), CheckContext.Default);

        Assert.Equal(VerdictKind.Verified, r.Verdict.Kind);
    }

    [Fact]
    public void A_jacobian_in_the_wrong_layout_is_refuted_as_a_wrong_shape()
    {
        var v = DerivativeChecker.CheckClaim(@"\mathbf{W} \in \mathbb{R}^{m \times n}, \mathbf{x} \in \mathbb{R}^{n}, m = 2, n = 3", "",
            @"\frac{\partial \mathbf{W}\mathbf{x}}{\partial \mathbf{x}} = \mathbf{W}^T", "numerator");

        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Contains("wrong shape", v.Message);
    }

    [Fact]
    public void Continuation_lines_extend_the_previous_key_and_several_claims_are_checked()
    {
        var block = "declare: x \\in \\mathbb{R},\n   y \\in \\mathbb{R}\nclaim: \\frac{\\partial}{\\partial x} xy = y\nclaim: \\frac{\\partial}{\\partial y} xy = x";

        var r = DerivativeChecker.CheckBlock(block, SourceSpan.At("a.md", 1, 1), CheckContext.Default);

        Assert.Equal(2, r.Claims.Count);
        Assert.All(r.Claims, v => Assert.Equal(VerdictKind.Verified, v.Kind));
    }

    [Fact]
    public void An_unknown_layout_is_not_checkable()
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", "", @"\frac{d}{dx} x = 1", "mixed");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Equal(2, v.ExitCode);
    }

    [Fact]
    public void Domain_constraints_are_respected_when_sampling()
    {
        var v = DerivativeChecker.CheckClaim(@"t \in \mathbb{R}, 0 < t < 1", "", @"\frac{d}{dt} \sqrt{t - t^2} = \frac{1 - 2t}{2\sqrt{t - t^2}}");

        Assert.Equal(VerdictKind.Verified, v.Kind);
    }
}
