using Bookish.Calculus;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>Issue 23, third pass: the constructs the matrix calculus paper needs, each read soundly or not at all.</summary>
public sealed class ThirdPassTests
{
    private static Verdict Check(string declare, string claim, string define = "") => DerivativeChecker.CheckClaim(declare, define, claim, "numerator");

    [Fact]
    public void Dots_around_one_indexed_entry_make_the_vector_of_entries_as_long_as_the_indexed_vectors()
    {
        const string d = @"\mathbf{a}, \mathbf{b} \in \mathbb{R}^{5}";

        Assert.Equal(VerdictKind.Verified, Check(d, @"\frac{\partial (\mathbf{a} \odot \mathbf{b})}{\partial \mathbf{b}} = \operatorname{diag}(\ldots a_m \ldots)").Kind);
        Assert.Equal(VerdictKind.Refuted, Check(d, @"\frac{\partial (\mathbf{a} \odot \mathbf{b})}{\partial \mathbf{b}} = \operatorname{diag}(\ldots b_m \ldots)").Kind);
    }

    [Theory]
    [InlineData(@"\operatorname{diag}(\ldots a_i b_j \ldots)", "which index")]
    [InlineData(@"\operatorname{diag}(\ldots 3 \ldots)", "needs an entry with an index")]
    [InlineData(@"\operatorname{diag}(a_1, \ldots, a_n)", "")]
    public void Dots_that_do_not_say_what_they_stand_for_are_not_checkable(string rhs, string reason)
    {
        var v = Check(@"\mathbf{a}, \mathbf{b} \in \mathbb{R}^{3}", @"\frac{\partial (\mathbf{a} \odot \mathbf{b})}{\partial \mathbf{b}} = " + rhs);

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains(reason, v.Message);
    }

    [Fact]
    public void Dots_over_vectors_of_different_lengths_are_not_checkable_rather_than_cut_to_the_shorter()
    {
        var v = Check(@"\mathbf{a} \in \mathbb{R}^{3}, \mathbf{b} \in \mathbb{R}^{5}", @"\frac{\partial}{\partial \mathbf{a}} \mathbf{a}^T \mathbf{a} = (\ldots 2 a_i b_i \ldots)^T");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains("different lengths", v.Message);
    }

    [Fact]
    public void A_derivative_by_one_entry_of_a_vector_is_a_scalar_derivative_and_an_entry_out_of_range_is_not_checkable()
    {
        const string d = @"\mathbf{v} \in \mathbb{R}^{3}";

        Assert.Equal(VerdictKind.Verified, Check(d, @"\frac{\partial}{\partial v_2} \mathbf{v}^T \mathbf{v} = 2 v_2").Kind);
        Assert.Equal(VerdictKind.Refuted, Check(d, @"\frac{\partial}{\partial v_2} \mathbf{v}^T \mathbf{v} = 2 v_1").Kind);
        Assert.Equal(VerdictKind.NotCheckable, Check(d, @"\frac{\partial}{\partial v_7} \mathbf{v}^T \mathbf{v} = 2 v_7").Kind);
    }

    [Fact]
    public void With_a_scalar_x_and_a_vector_bold_x_declared_only_a_running_index_reads_x_i_as_an_entry_of_the_vector()
    {
        const string d = @"x, t \in \mathbb{R}, \mathbf{x} \in \mathbb{R}^{3}";

        Assert.Equal(VerdictKind.Verified, Check(d, @"\frac{\partial}{\partial t} \sum_{i=1}^{3} x_i t = \sum_i x_i").Kind);
        // u_1, x_1 written literally may be an intermediate variable: reading it as an entry would be a guess.
        Assert.Equal(VerdictKind.NotCheckable, Check(d, @"\frac{\partial}{\partial t} x_1 t = x_1").Kind);
    }

    [Fact]
    public void Cases_pick_the_piece_whose_condition_holds_and_a_case_that_contradicts_itself_is_not_checkable()
    {
        const string d = @"r \in \mathbb{R}";

        Assert.Equal(VerdictKind.Verified, Check(d, @"\frac{d}{dr} \max(0, r) = \begin{cases} 0 & r \leq 0 \\ \frac{dr}{dr} = 1 & r > 0 \end{cases}").Kind);
        Assert.Equal(VerdictKind.Refuted, Check(d, @"\frac{d}{dr} \max(0, r) = \begin{cases} 0 & r \leq 0 \\ 2 & r > 0 \end{cases}").Kind);
        var v = Check(d, @"\frac{d}{dr} \max(0, r) = \begin{cases} 0 & r \leq 0 \\ \frac{dr}{dr} = 2 & r > 0 \end{cases}");
        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains("differ from each other", v.Message);
    }

    [Fact]
    public void Cases_that_cover_no_sample_point_are_not_checkable_never_verified()
    {
        var v = Check(@"r \in \mathbb{R}", @"\frac{d}{dr} |r| = \begin{cases} -1 & r < -1000 \\ 1 & r > 1000 \end{cases}");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
    }

    [Fact]
    public void Diag_of_a_ones_vector_is_the_identity_whatever_its_size()
    {
        Assert.Equal(VerdictKind.Verified, Check(@"\mathbf{x} \in \mathbb{R}^{4}, t \in \mathbb{R}", @"\frac{\partial}{\partial \mathbf{x}} (\mathbf{x} + t) = \operatorname{diag}(\vec{\mathbf{1}}) = \mathbf{I}").Kind);
        Assert.Equal(VerdictKind.Refuted, Check(@"\mathbf{x} \in \mathbb{R}^{4}, t \in \mathbb{R}", @"\frac{\partial}{\partial \mathbf{x}} (t - \mathbf{x}) = \operatorname{diag}(\vec{\mathbf{1}})").Kind);
    }

    [Fact]
    public void A_font_command_subscript_is_read_as_TeX_reads_it()
    {
        Assert.Equal(VerdictKind.Verified, Check(@"\mathbf{w}, \mathbf{x} \in \mathbb{R}^{3}", @"\nabla_\mathbf{w} \mathbf{w}^T\mathbf{x} = \mathbf{x}").Kind);
    }

    [Theory]
    [InlineData(@"J = \frac{\partial f(x)}{\partial x} = 2x", "", @"\frac{\partial f(x)}{\partial x} = 2x")]
    [InlineData(@"J_\mathbf{w} = \frac{\partial y}{\partial w} = 1", "", @"\frac{\partial y}{\partial w} = 1")]
    [InlineData(@"J = \frac{\partial f(x)}{\partial x} = 2x", @"J \in \mathbb{R}", @"J = \frac{\partial f(x)}{\partial x} = 2x")]
    [InlineData(@"y = \frac{d}{dx} x^2", "", @"y = \frac{d}{dx} x^2")]
    public void Auto_mode_drops_a_first_link_that_only_names_the_chain(string chain, string declare, string expected)
    {
        Assert.Equal(expected, DerivativeChecker.WithoutNamingLink(chain, declare, "").Trim());
    }

    [Fact]
    public void A_sidecar_scope_can_name_chains_and_stand_ins()
    {
        var s = DerivativeSidecar.Parse("stand-ins:\n  bigcirc: \\times\nscopes:\n  - lines: 12\n    chains: 2-3\n    declare: u \\in \\mathbb{R}\n    stand-ins: { star: '+' }\n");

        Assert.Equal("bigcirc", Assert.Single(s.StandIns).Name);
        var scope = Assert.Single(s.Scopes);
        Assert.True(scope.Covers(12, 2) && scope.Covers(12, 3));
        Assert.False(scope.Covers(12, 1) || scope.Covers(13, 2));
        Assert.Equal("star", Assert.Single(scope.Macros).Name);
    }

    [Theory]
    [InlineData("scopes:\n  - lines: 3\n    chains: two\n")]
    [InlineData("scopes:\n  - lines: 3\n    chains: 3-1\n")]
    [InlineData("stand-ins: [a, b]\n")]
    [InlineData("stand-ins:\n  '1x': y\n")]
    public void A_broken_chains_or_stand_ins_entry_is_a_format_error(string yaml)
    {
        Assert.Throws<FormatException>(() => DerivativeSidecar.Parse(yaml));
    }

    [Fact]
    public void A_stand_in_for_any_element_wise_operator_is_used_inside_its_scope_only()
    {
        var sidecar = DerivativeSidecar.Parse("declare: \\mathbf{a}, \\mathbf{b} \\in \\mathbb{R}^{3}\nscopes:\n  - lines: 5\n    define: \\mathbf{y} = \\mathbf{a} \\odot \\mathbf{b}\n    stand-ins: { bigcirc: \\times }\n");
        const string chain = @"\frac{\partial \mathbf{y}}{\partial \mathbf{a}} = \operatorname{diag}(\ldots \frac{\partial (a_i \bigcirc b_i)}{\partial a_i} \ldots)";

        var report = DerivativeChecker.AutoCheck([(chain, SourceSpan.At("p.xml", 5, 1)), (chain, SourceSpan.At("p.xml", 6, 1))], new AutoCheckOptions { Sidecar = sidecar });

        Assert.Equal(VerdictKind.Verified, report.Items[0].Verdict.Kind);
        Assert.Equal(VerdictKind.NotCheckable, report.Items[1].Verdict.Kind);
    }

    [Fact]
    public void The_chain_listing_shows_every_chain_and_groups_the_unchecked_by_cause()
    {
        var report = DerivativeChecker.AutoCheck([
            (@"\frac{d}{dx} x^2 = 2x", SourceSpan.At("p.md", 3, 1)),
            (@"\frac{d}{dx} \foo(x) = 1", SourceSpan.At("p.md", 4, 1)),
            (@"\frac{d}{dx} \bar(x) = 1", SourceSpan.At("p.md", 5, 1))], new AutoCheckOptions { Declarations = @"x \in \mathbb{R}" });

        var text = AutoCheckListing.Format(report);

        Assert.Contains("p.md:3: verified | \\frac{d}{dx} x^2 = 2x", text);
        Assert.Contains("p.md:4: not checkable", text);
        Assert.Matches(@"not checkable, by cause:\n\s+\d+\s", text.Replace("\r", ""));
    }
}
