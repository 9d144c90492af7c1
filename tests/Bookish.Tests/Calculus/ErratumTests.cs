using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Calculus;

public sealed class ErratumTests
{
    private const string Declare = @"x, y \in \mathbb{R}";
    private const string Define = "g(x, y) = 2x + y^8";

    [Fact]
    public void The_papers_erratum_gradient_is_refuted_with_a_counterexample()
    {
        var v = DerivativeChecker.CheckClaim(Declare, Define, @"\nabla g(x,y) = [1, 7y^8]", "numerator");

        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.NotNull(v.Counterexample);
        Assert.Equal(1, v.Counterexample!.Link);
        Assert.Equal(["x", "y"], v.Counterexample.Point.Select(p => p.Name));
        Assert.Equal((1, 1), (v.Counterexample.Row, v.Counterexample.Column));
        Assert.Equal(2, v.Counterexample.ExpectedEntry!.Value, 6);
        Assert.Equal(1, v.Counterexample.ClaimedEntry!.Value, 12);
        Assert.Equal(1, v.ExitCode);
    }

    [Fact]
    public void The_corrected_gradient_is_verified()
    {
        var v = DerivativeChecker.CheckClaim(Declare, Define, @"\nabla g(x,y) = [2, 8y^7]", "numerator");

        Assert.Equal(VerdictKind.Verified, v.Kind);
        Assert.Equal(0, v.ExitCode);
        Assert.True(v.PointsChecked >= 3);
    }

    [Fact]
    public void A_check_block_with_the_erratum_reports_BK4001_at_the_claim()
    {
        var block = "layout: numerator\ndeclare: x, y \\in \\mathbb{R}\ndefine: g(x, y) = 2x + y^8\nclaim: \\nabla g(x,y) = [1, 7y^8]";

        var result = DerivativeChecker.CheckBlock(block, SourceSpan.At("content/mc.md", 10, 1), CheckContext.Default);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.DerivativeRefuted, d.Id);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal((13, 8), (d.Span.Line, d.Span.Column));
        Assert.Equal(VerdictKind.Refuted, result.Verdict.Kind);
    }

    [Fact]
    public void Definitions_persist_to_later_blocks_of_the_document()
    {
        var first = DerivativeChecker.CheckBlock("declare: x, y \\in \\mathbb{R}\ndefine: g(x, y) = 2x + y^8\nclaim: \\frac{\\partial g(x,y)}{\\partial x} = 2",
            SourceSpan.At("a.md", 1, 1), CheckContext.Default);
        var second = DerivativeChecker.CheckBlock("claim: \\nabla g(x,y) = [2, 8y^7]", SourceSpan.At("a.md", 9, 1), first.Context);

        Assert.Equal(VerdictKind.Verified, first.Verdict.Kind);
        Assert.Equal(VerdictKind.Verified, second.Verdict.Kind);
        Assert.Empty(second.Diagnostics);
    }

    [Fact]
    public void Json_and_text_describe_the_counterexample()
    {
        var v = DerivativeChecker.CheckClaim(Declare, Define, @"\nabla g(x,y) = [1, 7y^8]", "numerator");

        using var json = System.Text.Json.JsonDocument.Parse(v.ToJson());
        Assert.Equal("refuted", json.RootElement.GetProperty("verdict").GetString());
        Assert.True(json.RootElement.GetProperty("counterexample").GetProperty("point").TryGetProperty("y", out _));
        Assert.Contains("entry (1, 1)", v.ToString());
    }

    [Fact]
    public void Undeclared_symbols_are_not_checkable_with_the_offending_text()
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", "", @"\frac{d}{dx} x^2 z = 2xz", "numerator");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains("undeclared", v.Message);
        Assert.Equal("z", v.Offending);
        Assert.Equal(2, v.ExitCode);
    }
}
