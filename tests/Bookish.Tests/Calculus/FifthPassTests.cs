using Bookish.Calculus;
using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>
/// Issue 23, fifth pass: dependence by name. A function defined with named parameters (<c>f(g) = …</c>, <c>g(x) = …</c>)
/// and written bare means the function at its parameters, so the chain rule's generic notation can be checked.
/// </summary>
public sealed class FifthPassTests
{
    private const string Scalars = @"g(x) = \sin(x) + x^2; f(g) = g^3 + e^{g}";
    private const string Vectors = @"\mathbf{g}(x) = \begin{bmatrix} x^2 \\ 3x \end{bmatrix}; \mathbf{f}(\mathbf{g}) = \begin{bmatrix} \ln(g_1) \\ \sin(g_2) \end{bmatrix}";

    private static VerdictKind Check(string declare, string define, string claim) =>
        DerivativeChecker.CheckClaim(declare, define, claim, "numerator").Kind;

    [Theory]
    [InlineData(@"\frac{d}{dx} f(g(x)) = \frac{df}{dg}\frac{dg}{dx}", "Verified")]
    [InlineData(@"\frac{d}{dx} f(g(x)) = \frac{df}{dg}", "Refuted")]
    [InlineData(@"\frac{d}{dx} f(g(x)) = \frac{dg}{dx}", "Refuted")]
    [InlineData(@"\frac{df}{dg} = 3g^2 + e^{g}", "Verified")]
    [InlineData(@"\frac{df}{dg} = 3g^2", "Refuted")]
    public void The_single_variable_chain_rule_with_generic_f_and_g_is_checked_through_their_definitions(string claim, string expected)
    {
        Assert.Equal(expected, Check(@"x \in \mathbb{R}", Scalars, claim).ToString());
    }

    [Fact]
    public void A_bare_function_below_a_derivative_is_the_variable_at_its_value()
    {
        // df/dg is f' at g(x), not f' at x: with g(x) = sin x + x^2 the two differ.
        Assert.Equal(VerdictKind.Verified, Check(@"x \in \mathbb{R}", Scalars, @"\frac{df}{dg} = 3(\sin(x) + x^2)^2 + e^{\sin(x) + x^2}"));
        Assert.Equal(VerdictKind.Refuted, Check(@"x \in \mathbb{R}", Scalars, @"\frac{df}{dg} = 3x^2 + e^{x}"));
    }

    [Theory]
    [InlineData(@"\frac{\partial}{\partial x} \mathbf{f}(\mathbf{g}(x)) = \frac{\partial \mathbf{f}}{\partial \mathbf{g}}\frac{\partial\mathbf{g}}{\partial x}", "Verified")]
    [InlineData(@"\frac{\partial f_1}{\partial g_1} = \frac{1}{g_1}", "Verified")]
    [InlineData(@"\frac{\partial f_1}{\partial g_1} = g_1", "Refuted")]
    [InlineData(@"\frac{\partial f_1}{\partial g_2} = 0", "Verified")]
    [InlineData(@"\frac{\partial f_1(\mathbf{g})}{\partial x} = \frac{2}{x}", "Verified")]
    [InlineData(@"\frac{\partial f_2(\mathbf{g})}{\partial x} = \cos(3x)", "Refuted")]
    [InlineData(@"\frac{\partial f_3(\mathbf{g})}{\partial x} = 0", "NotCheckable")]
    public void Entries_of_a_vector_function_written_bare_or_called_are_its_entries(string claim, string expected)
    {
        Assert.Equal(expected, Check(@"x \in \mathbb{R}", Vectors, claim).ToString());
    }

    [Fact]
    public void Functions_that_depend_on_each_other_are_not_checkable_instead_of_overflowing()
    {
        Assert.Equal(VerdictKind.NotCheckable, Check(@"x \in \mathbb{R}", @"f(g) = g^2; g(f) = f + x", @"\frac{df}{dx} = 1"));
    }

    [Fact]
    public void Braces_around_the_variable_below_a_derivative_are_read()
    {
        Assert.Equal(VerdictKind.Verified, Check(@"\mathbf{x} \in \mathbb{R}^{3}", "", @"\frac{\partial}{\partial {x_1}} (x_1^2 x_2) = 2 x_1 x_2"));
        Assert.Equal(VerdictKind.Refuted, Check(@"\mathbf{x} \in \mathbb{R}^{3}", "", @"\frac{\partial}{\partial {x_2}} (x_1^2 x_2) = 2 x_1 x_2"));
    }
}
