using Bookish.Calculus;
using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>Issue 23, fourth pass: rows and columns written as lists with an ellipsis, read soundly or not at all.</summary>
public sealed class FourthPassTests
{
    private static Verdict Check(string declare, string claim) => DerivativeChecker.CheckClaim(declare, "", claim, "numerator");

    private const string Gradient = @"\frac{\partial}{\partial \mathbf{u}} (\mathbf{u}^T \mathbf{u}) = ";

    [Theory]
    [InlineData(@"\begin{bmatrix} 2u_1, 2u_2, \ldots, 2u_n \end{bmatrix}", VerdictKind.Verified)]
    [InlineData(@"\left[ 2 u_{1},~ \cdots,~ 2 u_{n} \right]", VerdictKind.Verified)]
    [InlineData(@"[2u_1, 2u_2, 2u_3, \dots, 2u_n]", VerdictKind.Verified)]
    [InlineData(@"\begin{bmatrix} u_1, u_2, \ldots, u_n \end{bmatrix}", VerdictKind.Refuted)]
    [InlineData(@"\begin{bmatrix} 2u_1 + 1, 2u_2 + 2, \ldots, 2u_n + n \end{bmatrix}", VerdictKind.Refuted)]
    public void A_row_with_an_ellipsis_is_the_pattern_over_the_declared_length(string row, VerdictKind expected)
    {
        var v = Check(@"\mathbf{u} \in \mathbb{R}^{n}, n = 5", Gradient + row);

        Assert.Equal(expected, v.Kind);
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
}
