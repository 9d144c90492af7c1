using Bookish.Calculus;
using Bookish.Text;
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

/// <summary>Issue 23, fifth pass: partial and total derivatives of functions written bare, and auto mode's readings.</summary>
public sealed class FifthPassAutoTests
{
    private const string Chain = @"u_1(x) = x^2; u_2(x, u_1) = x u_1";

    [Theory]
    [InlineData(@"\frac{\partial u_2}{\partial x} = u_1", "Verified")]
    [InlineData(@"\frac{\partial u_2}{\partial x} = 3x^2", "Refuted")]
    [InlineData(@"\frac{d u_2}{dx} = 3x^2", "Verified")]
    [InlineData(@"\frac{\partial u_2}{\partial u_1} = x", "Verified")]
    [InlineData(@"\frac{dy}{dx} = \frac{\partial u_2}{\partial x} + \frac{\partial u_2}{\partial u_1}\frac{d u_1}{dx} = 3x^2", "Verified")]
    public void Partial_by_a_parameter_holds_the_others_and_d_is_the_total_derivative(string claim, string expected)
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", Chain + "; y = u_2", claim, "numerator");

        Assert.Equal(expected, v.Kind.ToString());
    }

    private static AutoCheckReport Auto(string chain, string yaml) =>
        DerivativeChecker.AutoCheck([(chain, SourceSpan.At("p.xml", 7, 1))], new AutoCheckOptions { Sidecar = DerivativeSidecar.Parse(yaml) });

    [Fact]
    public void The_typo_d_over_x_is_read_as_d_by_dx_with_a_warning_that_names_it()
    {
        var report = Auto(@"\frac{d}{x} u = \frac{d}{x} x^3 = 3x^2", "declare: x \\in \\mathbb{R}\nscopes:\n  - lines: 1-9\n    define: u = x^3\n");

        Assert.Equal(VerdictKind.Verified, report.Items[0].Verdict.Kind);
        var typo = Assert.Single(report.Diagnostics, d => d.Id == "BK5040");
        Assert.Contains(@"'\frac{d}{x}' read as '\frac{d}{dx}'", typo.Message);
    }

    [Fact]
    public void The_typo_reading_still_refutes_a_wrong_derivative()
    {
        var report = Auto(@"\frac{d}{x} x^3 = 2x^2", "declare: x \\in \\mathbb{R}\n");

        Assert.Equal(VerdictKind.Refuted, report.Items[0].Verdict.Kind);
    }

    [Fact]
    public void With_d_declared_d_over_x_is_not_corrected()
    {
        var report = Auto(@"\frac{d}{x} x^3 = 3x^2", "declare: x, d \\in \\mathbb{R}\n");

        Assert.DoesNotContain(report.Diagnostics, d => d.Id == "BK5040");
        Assert.NotEqual(VerdictKind.Verified, report.Items[0].Verdict.Kind);
    }

    [Theory]
    [InlineData(@"(\text{for } u = x + v, \frac{\partial u}{\partial x} = 1)", "Verified")]
    [InlineData(@"(\text{for } u = x + v, \frac{\partial u}{\partial x} = v)", "Refuted")]
    public void An_aside_for_u_equals_defines_u_for_its_own_claim(string chain, string expected)
    {
        // The scope defines u = x v; the aside's own definition wins for the aside.
        var report = Auto(chain, "declare: x, v \\in \\mathbb{R}\nscopes:\n  - lines: 1-9\n    define: u = x v\n");

        Assert.Equal(expected, report.Items[0].Verdict.Kind.ToString());
    }

    [Theory]
    [InlineData(@"\frac{\partial activation}{\partial x} = \frac{\partial activation}{\partial z}\frac{\partial z}{\partial x} = 3z^2 \cdot 2x", "Verified")]
    [InlineData(@"\frac{\partial activation}{\partial x} = 3z^2", "Refuted")]
    public void A_word_the_sidecar_defines_is_one_name_not_a_product_of_letters(string chain, string expected)
    {
        var report = Auto(chain, "declare: x \\in \\mathbb{R}\nscopes:\n  - lines: 1-9\n    define: z(x) = x^2 + 1; activation(z) = z^3\n");

        Assert.Equal(expected, report.Items[0].Verdict.Kind.ToString());
    }

    [Fact]
    public void A_parenthesized_prose_aside_in_a_case_row_is_not_part_of_the_claim()
    {
        const string chain = @"\frac{\partial}{\partial x} \max(0, x) = \begin{cases} 0 & x \leq 0\\ 1 & x > 0 ~~~(\text{we computed }\frac{dx}{dx}=1 \text{ before})\\ \end{cases}";

        var report = Auto(chain, "declare: x \\in \\mathbb{R}\n");

        Assert.Equal(VerdictKind.Verified, report.Items[0].Verdict.Kind);
    }

    [Theory]
    [InlineData(@"\frac{dy}{dx} = 2xcos(x^2)", "Verified")]
    [InlineData(@"\frac{dy}{dx} = xcos(x^2)", "Refuted")]
    public void A_function_name_glued_to_one_letter_is_read_as_the_function(string chain, string expected)
    {
        var report = Auto(chain, "declare: x \\in \\mathbb{R}\nscopes:\n  - lines: 1-9\n    define: y = \\sin(x^2)\n");

        Assert.Equal(expected, report.Items[0].Verdict.Kind.ToString());
    }

    [Fact]
    public void Acos_is_not_read_as_a_times_cos()
    {
        Assert.DoesNotContain(@"\operatorname{cos}", DerivativeChecker.NormalizeLegacy("acos(x)"));
        Assert.Contains(@"\operatorname{cos}", DerivativeChecker.NormalizeLegacy("2xcos(x)"));
    }

    [Theory]
    [InlineData(@"\sin(\mathbf{g})", "Verified")]
    [InlineData(@"\begin{bmatrix} g_1 g_2 \\ g_2 \\ g_3 \end{bmatrix}", "Refuted")]
    public void Diag_of_an_entry_with_a_free_index_is_the_diagonal_over_that_index(string f, string expected)
    {
        var define = @"\mathbf{g}(\mathbf{x}) = \mathbf{x} \otimes \mathbf{x}; \mathbf{f}(\mathbf{g}) = " + f;

        var v = DerivativeChecker.CheckClaim(@"\mathbf{x} \in \mathbb{R}^{3}, \otimes \text{ element-wise}", define, @"\frac{\partial \mathbf{f}}{\partial \mathbf{g}} = \operatorname{diag}(\frac{\partial f_i}{\partial g_i})", "numerator");

        Assert.Equal(expected, v.Kind.ToString());
    }

    [Fact]
    public void Text_in_parentheses_that_is_not_prose_stays_part_of_the_claim()
    {
        var chains = DerivativeChecker.Chains(@"\frac{d}{dx} x (\text{a}x + \text{b}) = 2x");

        Assert.Contains(@"\text{a}", Assert.Single(chains));
    }
}

