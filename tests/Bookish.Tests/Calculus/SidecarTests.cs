using Bookish.Calculus;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Calculus;

public sealed class SidecarTests
{
    [Fact]
    public void A_sidecar_reads_declarations_definitions_and_scopes_by_line()
    {
        var s = DerivativeSidecar.Parse("declare: x, y \\in \\mathbb{R}\nscopes:\n  - lines: 10-20\n    define: u = x^2; y = \\sin(u)\n");

        Assert.Equal(@"x, y \in \mathbb{R}", s.Declare);
        var scope = Assert.Single(s.Scopes);
        Assert.Equal((10, 20), (scope.FromLine, scope.ToLine));
        Assert.Equal(@"u = x^2; y = \sin(u)", scope.Define);
    }

    [Theory]
    [InlineData("scopes: 3")]
    [InlineData("scopes:\n  - lines: twenty\n")]
    [InlineData("declare: [unclosed")]
    public void A_broken_sidecar_is_a_format_error_not_a_crash(string yaml)
    {
        Assert.Throws<FormatException>(() => DerivativeSidecar.Parse(yaml));
    }

    [Fact]
    public void The_chain_rule_through_an_intermediate_variable_is_checked_inside_its_scope_only()
    {
        var sidecar = DerivativeSidecar.Parse("declare: x, y, u \\in \\mathbb{R}\nscopes:\n  - lines: 5-9\n    define: u = x^2; y = \\sin(u)\n");
        const string chain = @"\frac{dy}{dx} = \frac{dy}{du}\frac{du}{dx} = \cos(u) 2x";

        var report = DerivativeChecker.AutoCheck([(chain, SourceSpan.At("p.xml", 7, 1)), (chain, SourceSpan.At("p.xml", 30, 1))], new AutoCheckOptions { Sidecar = sidecar });

        Assert.Equal(VerdictKind.Verified, report.Items[0].Verdict.Kind);
        // Outside the scope y and u are independent as far as the declarations say: implicit dependence, never a refutation.
        Assert.Equal(VerdictKind.NotCheckable, report.Items[1].Verdict.Kind);
        Assert.Equal(0, report.Refuted);
    }

    [Fact]
    public void A_wrong_link_through_an_intermediate_variable_is_refuted()
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", @"u = x^2; y = \sin(u)", @"\frac{dy}{dx} = \frac{dy}{du}\frac{du}{dx} = \cos(u) x");

        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal(2, v.Counterexample!.Link);
    }
}
