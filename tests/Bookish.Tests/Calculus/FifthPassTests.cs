using Bookish.Calculus;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>
/// Issue 23, fifth pass: dependence by name. A function defined with named parameters (<c>h(q) = …</c>, <c>q(x) = …</c>)
/// and written bare means the function at its parameters, so the chain rule's generic notation can be checked.
/// </summary>
public sealed class FifthPassTests
{
    private const string Scalars = @"q(x) = \sin(x) + x^2; h(q) = q^3 + e^{q}";
    private const string Vectors = @"\mathbf{q}(t) = \begin{bmatrix} t^2 \\ 3t \end{bmatrix}; \mathbf{h}(\mathbf{q}) = \begin{bmatrix} \ln(q_1) \\ \sin(q_2) \end{bmatrix}";

    private static VerdictKind Check(string declare, string define, string claim) =>
        DerivativeChecker.CheckClaim(declare, define, claim, "numerator").Kind;

    [Theory]
    [InlineData(@"\frac{d}{dx} h(q(x)) = \frac{dh}{dq} \cdot \frac{dq}{dx}", "Verified")]
    [InlineData(@"\frac{d}{dx} h(q(x)) = \frac{dh}{dq}", "Refuted")]
    [InlineData(@"\frac{d}{dx} h(q(x)) = \frac{dq}{dx}", "Refuted")]
    [InlineData(@"\frac{dh}{dq} = 3q^2 + e^{q}", "Verified")]
    [InlineData(@"\frac{dh}{dq} = 3q^2", "Refuted")]
    public void The_single_variable_chain_rule_with_generic_f_and_g_is_checked_through_their_definitions(string claim, string expected)
    {
        Assert.Equal(expected, Check(@"x \in \mathbb{R}", Scalars, claim).ToString());
    }

    [Fact]
    public void A_bare_function_below_a_derivative_is_the_variable_at_its_value()
    {
        // dh/dq is h' at q(x), not h' at x: with q(x) = sin x + x^2 the two differ.
        Assert.Equal(VerdictKind.Verified, Check(@"x \in \mathbb{R}", Scalars, @"\frac{dh}{dq} = 3(\sin(x) + x^2)^2 + e^{\sin(x) + x^2}"));
        Assert.Equal(VerdictKind.Refuted, Check(@"x \in \mathbb{R}", Scalars, @"\frac{dh}{dq} = 3x^2 + e^{x}"));
    }

    [Theory]
    [InlineData(@"\frac{\partial}{\partial t} \mathbf{h}(\mathbf{q}(t)) = \frac{\partial \mathbf{h}}{\partial \mathbf{q}} \, \frac{\partial \mathbf{q}}{\partial t}", "Verified")]
    [InlineData(@"\frac{\partial h_1}{\partial q_1} = \frac{1}{q_1}", "Verified")]
    [InlineData(@"\frac{\partial h_1}{\partial q_1} = q_1", "Refuted")]
    [InlineData(@"\frac{\partial h_1}{\partial q_2} = 0", "Verified")]
    [InlineData(@"\frac{\partial h_1(\mathbf{q})}{\partial t} = \frac{2}{t}", "Verified")]
    [InlineData(@"\frac{\partial h_2(\mathbf{q})}{\partial t} = \cos(3t)", "Refuted")]
    [InlineData(@"\frac{\partial h_3(\mathbf{q})}{\partial t} = 0", "NotCheckable")]
    public void Entries_of_a_vector_function_written_bare_or_called_are_its_entries(string claim, string expected)
    {
        Assert.Equal(expected, Check(@"t \in \mathbb{R}", Vectors, claim).ToString());
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
    private const string Chain = @"w_1(s) = s^2; w_2(s, w_1) = s w_1";

    [Theory]
    [InlineData(@"\frac{\partial w_2}{\partial s} = w_1", "Verified")]
    [InlineData(@"\frac{\partial w_2}{\partial s} = 3s^2", "Refuted")]
    [InlineData(@"\frac{d w_2}{ds} = 3s^2", "Verified")]
    [InlineData(@"\frac{\partial w_2}{\partial w_1} = s", "Verified")]
    [InlineData(@"\frac{dz}{ds} = \frac{\partial w_2}{\partial s} + \frac{d w_1}{ds} \frac{\partial w_2}{\partial w_1} = 3s^2", "Verified")]
    public void Partial_by_a_parameter_holds_the_others_and_d_is_the_total_derivative(string claim, string expected)
    {
        var v = DerivativeChecker.CheckClaim(@"s \in \mathbb{R}", Chain + "; z = w_2", claim, "numerator");

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
    [InlineData(@"\frac{\partial response}{\partial x} = \frac{\partial response}{\partial z} \cdot \frac{\partial z}{\partial x} = 3z^2 \cdot 2x", "Verified")]
    [InlineData(@"\frac{\partial response}{\partial x} = 3z^2", "Refuted")]
    public void A_word_the_sidecar_defines_is_one_name_not_a_product_of_letters(string chain, string expected)
    {
        var report = Auto(chain, "declare: x \\in \\mathbb{R}\nscopes:\n  - lines: 1-9\n    define: z(x) = x^2 + 1; response(z) = z^3\n");

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
    [InlineData(@"\sin(\mathbf{q})", "Verified")]
    [InlineData(@"\begin{bmatrix} q_1 q_2 \\ q_2 \\ q_3 \end{bmatrix}", "Refuted")]
    public void Diag_of_an_entry_with_a_free_index_is_the_diagonal_over_that_index(string f, string expected)
    {
        var define = @"\mathbf{q}(\mathbf{x}) = \mathbf{x} \otimes \mathbf{x}; \mathbf{h}(\mathbf{q}) = " + f;

        var v = DerivativeChecker.CheckClaim(@"\mathbf{x} \in \mathbb{R}^{3}, \otimes \text{ element-wise}", define, @"\frac{\partial \mathbf{h}}{\partial \mathbf{q}} = \operatorname{diag}(\frac{\partial h_i}{\partial q_i})", "numerator");

        Assert.Equal(expected, v.Kind.ToString());
    }

    [Fact]
    public void Text_in_parentheses_that_is_not_prose_stays_part_of_the_claim()
    {
        var chains = DerivativeChecker.Chains(@"\frac{d}{dx} x (\text{a}x + \text{b}) = 2x");

        Assert.Contains(@"\text{a}", Assert.Single(chains));
    }
}

