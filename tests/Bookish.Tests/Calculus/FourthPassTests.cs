using Bookish.Calculus;
using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>Issue 23, fourth pass: rows and columns written as lists with an ellipsis, read soundly or not at all.</summary>
public sealed class FourthPassTests
{
    private static Verdict Check(string declare, string claim) => DerivativeChecker.CheckClaim(declare, "", claim, "numerator");

    private const string Gradient = @"\frac{\partial}{\partial \mathbf{u}} (\mathbf{u}^T \mathbf{u}) = ";

    [Theory]
    [InlineData(@"\begin{bmatrix} 2u_1, 2u_2, \ldots, 2u_n \end{bmatrix}", "Verified")]
    [InlineData(@"\left[ 2 u_{1},~ \cdots,~ 2 u_{n} \right]", "Verified")]
    [InlineData(@"[2u_1, 2u_2, 2u_3, \dots, 2u_n]", "Verified")]
    [InlineData(@"\begin{bmatrix} u_1, u_2, \ldots, u_n \end{bmatrix}", "Refuted")]
    [InlineData(@"\begin{bmatrix} 2u_1 + 1, 2u_2 + 2, \ldots, 2u_n + n \end{bmatrix}", "Refuted")]
    public void A_row_with_an_ellipsis_is_the_pattern_over_the_declared_length(string row, string expected)
    {
        var v = Check(@"\mathbf{u} \in \mathbb{R}^{n}, n = 5", Gradient + row);

        Assert.Equal(expected, v.Kind.ToString());
    }

    [Fact]
    public void A_column_with_an_ellipsis_is_a_column()
    {
        Assert.Equal(VerdictKind.Verified, Check(@"\mathbf{u} \in \mathbb{R}^{n}, n = 4", @"\nabla_\mathbf{u} (\mathbf{u}^T \mathbf{u}) = \begin{bmatrix} 2u_1 \\ \ldots \\ 2u_n \\ \end{bmatrix}").Kind);
        Assert.Equal(VerdictKind.Refuted, Check(@"\mathbf{u} \in \mathbb{R}^{n}, n = 4", @"\nabla_\mathbf{u} (\mathbf{u}^T \mathbf{u}) = \begin{bmatrix} u_1 \\ \ldots \\ u_n \end{bmatrix}").Kind);
    }

    [Fact]
    public void Entries_without_an_index_repeat_the_declared_n_times()
    {
        const string d = @"\mathbf{u} \in \mathbb{R}^{n}, s \in \mathbb{R}, n = 3";

        Assert.Equal(VerdictKind.Verified, Check(d, @"\nabla_\mathbf{u} (s \mathbf{1}^T \mathbf{u}) = [s, s, \ldots, s]").Kind);
        Assert.Equal(VerdictKind.Refuted, Check(d, @"\nabla_\mathbf{u} (s \mathbf{1}^T \mathbf{u}) = [2s, 2s, \ldots, 2s]").Kind);
    }

    [Theory]
    [InlineData(@"\mathbf{u} \in \mathbb{R}^{3}, n = 4", @"[2u_1, \ldots, 2u_n]", "runs over vectors of length 3")]
    [InlineData(@"\mathbf{u} \in \mathbb{R}^{3}", @"[2u_1, \ldots, 2u_n]", "not a declared size")]
    [InlineData(@"\mathbf{u} \in \mathbb{R}^{3}, n = 3", @"[2u_1, 3u_2, \ldots, 2u_n]", "one pattern")]
    [InlineData(@"\mathbf{u} \in \mathbb{R}^{3}, n = 3", @"[2u_1, \ldots, 2u_n, \ldots, 2u_n]", "two ellipses")]
    [InlineData(@"\mathbf{u} \in \mathbb{R}^{3}, n = 3", @"[2u_1, 2u_2, \ldots]", "last entry")]
    [InlineData(@"\mathbf{u} \in \mathbb{R}^{3}, n = 3", @"[2u_1, \ldots, 2u_{n}^2]", "one pattern")]
    public void Lists_that_do_not_say_what_they_stand_for_are_not_checkable(string declare, string row, string reason)
    {
        var v = Check(declare, Gradient + row);

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains(reason, v.Message);
    }

    [Fact]
    public void A_defined_family_f_i_gives_f_1_to_f_n_with_i_bound()
    {
        const string d = @"s \in \mathbb{R}, \mathbf{u} \in \mathbb{R}^{n}, n = 4";
        const string family = @"q_i(a) = a^i";

        Assert.Equal(VerdictKind.Verified, DerivativeChecker.CheckClaim(d, family, @"\frac{d}{ds} (q_2(s) + q_3(s)) = 2s + 3s^2", "numerator").Kind);
        Assert.Equal(VerdictKind.Refuted, DerivativeChecker.CheckClaim(d, family, @"\frac{d}{ds} (q_2(s) + q_3(s)) = 2s + 2s^2", "numerator").Kind);
        Assert.Equal(VerdictKind.Verified, DerivativeChecker.CheckClaim(d, family, @"\frac{d}{ds} q_n(s) = 4 s^3", "numerator").Kind);
        Assert.Equal(VerdictKind.Verified, DerivativeChecker.CheckClaim(d, family,
            @"\frac{\partial}{\partial \mathbf{u}} (\ldots q_j(u_j) \ldots) = \operatorname{diag} \left( \frac{\partial}{\partial u_1} q_1(u_1),~ \ldots,~ \frac{\partial}{\partial u_n} q_n(u_n) \right)", "numerator").Kind);
    }

    [Fact]
    public void Two_families_on_one_letter_leave_the_members_unread()
    {
        var v = DerivativeChecker.CheckClaim(@"s \in \mathbb{R}", @"q_i(a) = a^i; q_j(a) = a", @"\frac{d}{ds} q_2(s) = 2s", "numerator");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
    }
}
