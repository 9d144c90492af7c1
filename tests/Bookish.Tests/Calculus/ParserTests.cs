using Bookish.Calculus;
using Xunit;

namespace Bookish.Tests.Calculus;

public sealed class ParserTests
{
    private static readonly ParseSettings Vars = new(new HashSet<string>(), new HashSet<string> { "x", "\\mathbf{x}", "\\mathbf{A}" });

    [Fact]
    public void A_derivative_operator_parses_to_a_typed_node_with_its_variable()
    {
        var e = Parser.Parse(@"\frac{\partial}{\partial \mathbf{x}} \mathbf{x}^T \mathbf{A} \mathbf{x}", Vars);

        var d = Assert.IsType<DerivativeExpr>(e);
        Assert.Equal("\\mathbf{x}", Assert.IsType<SymbolExpr>(Assert.Single(d.Variables)).Name);
        Assert.IsType<BinaryExpr>(d.Operand);
    }

    [Fact]
    public void The_derivative_operator_binds_like_a_product()
    {
        var e = Parser.Parse(@"\frac{d}{dx}x + \frac{d}{dx}x^2", Vars);

        var sum = Assert.IsType<BinaryExpr>(e);
        Assert.Equal("+", sum.Op);
        Assert.IsType<DerivativeExpr>(sum.Left);
        Assert.IsType<DerivativeExpr>(sum.Right);
    }

    [Theory]
    [InlineData(@"^T", "T")]
    [InlineData(@"^\top", "T")]
    [InlineData(@"^{-T}", "-T")]
    public void Transposes_are_recognised(string suffix, string op)
    {
        var e = Parser.Parse(@"\mathbf{A}" + suffix, Vars);

        Assert.Equal(op, Assert.IsType<TransposeExpr>(e).Op);
    }

    [Theory]
    [InlineData(@"\int x", @"\int")]
    [InlineData(@"x \bmod 2", @"\bmod")]
    [InlineData(@"\begin{alignat}{2} x \end{alignat}", @"\begin{alignat}")]
    public void Unsupported_constructs_are_reported_with_their_text(string tex, string offending)
    {
        var ex = Assert.Throws<CalcException>(() => Parser.Parse(tex, Vars));

        Assert.StartsWith(offending, tex[ex.SourceStart..ex.SourceEnd]);
    }

    [Fact]
    public void Unsupported_constructs_in_a_claim_are_not_checkable_with_a_reason_and_span()
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", "", @"\frac{d}{dx} \int x = x");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Equal("claim", v.Part);
        Assert.Equal(@"\int", v.Offending);
        Assert.Contains("unsupported", v.Message);
    }

    [Fact]
    public void Shape_errors_are_not_checkable_with_the_offending_text()
    {
        var v = DerivativeChecker.CheckClaim(@"\mathbf{x} \in \mathbb{R}^{3}, \mathbf{A} \in \mathbb{R}^{2 \times 2}", "",
            @"\frac{\partial}{\partial \mathbf{x}} \mathbf{A}\mathbf{x} = \mathbf{A}");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains("cannot multiply 2×2 by vector 3", v.Message);
        Assert.Equal(@"\mathbf{A}\mathbf{x}", v.Offending);
    }

    [Fact]
    public void Bad_declarations_are_not_checkable_and_blame_the_declare_line()
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{C}", "", @"\frac{d}{dx} x = 1");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Equal("declare", v.Part);
    }

    [Fact]
    public void Mulberry32_matches_the_reference_sequence()
    {
        // Reference values from the JavaScript mulberry32 with seed 1.
        var rng = new Mulberry32(1);

        Assert.Equal(0.6270739405881613, rng.Next(), 15);
        Assert.Equal(0.002735721180215478, rng.Next(), 15);
    }

    [Theory]
    [InlineData(@"\mathbf{x} \in \mathbb{R}^{n}, n = 100000", @"\frac{\partial}{\partial \mathbf{x}} \mathbf{x}^T\mathbf{x} = 2\mathbf{x}^T")]
    [InlineData(@"\mathbf{X} \in \mathbb{R}^{3 \times 3}", @"\frac{\partial}{\partial \mathbf{X}} \operatorname{tr}(\mathbf{X}^{1000000}) = \mathbf{0}")]
    [InlineData(@"x \in \mathbb{R}", @"\frac{d}{dx} \sum_{i=1}^{100000000} x = 1")]
    public void Oversized_inputs_are_not_checkable_instead_of_hanging(string declare, string claim)
    {
        var v = DerivativeChecker.CheckClaim(declare, "", claim);

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
    }
}
