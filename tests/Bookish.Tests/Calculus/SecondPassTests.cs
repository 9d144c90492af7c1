using System.Text.Json;
using Bookish.Calculus;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>Issue 23: no wrong verdict by notation, define over declaration, the document's macros, whole quotes, hostile claims.</summary>
public sealed class SecondPassTests
{
    private const string Square = @"\mathbf{X} \in \mathbb{R}^{3 \times 3}";

    private static readonly Lazy<JintHost> Js = new(() =>
    {
        var host = JintHost.Create();
        var root = Directory.GetParent(ConformanceCorpus.PathToFile())!.Parent!.Parent!.FullName;
        host.Execute(File.ReadAllText(Path.Combine(root, "templates", "derivcheck.js")));
        return host;
    });

    private static JsonElement InPage(string declare, string define, string claim, string macros = "[]")
    {
        var js = $"JSON.stringify(BookishDerivCheck.check({{declare: {JsonSerializer.Serialize(declare)}, define: {JsonSerializer.Serialize(define)}, claim: {JsonSerializer.Serialize(claim)}, macros: {macros}}}))";
        using var doc = JsonDocument.Parse(Js.Value.Evaluate(js));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void The_two_norm_of_a_matrix_is_the_spectral_norm_so_two_X_is_refuted()
    {
        const string claim = @"\frac{\partial}{\partial \mathbf{X}} \|\mathbf{X}\|_2^2 = 2\mathbf{X}";

        var v = DerivativeChecker.CheckClaim(Square, "", claim);

        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal("refuted", InPage(Square, "", claim).GetProperty("verdict").GetString());
    }

    [Fact]
    public void The_sine_of_a_square_matrix_is_the_matrix_function_so_the_cookbook_gradient_is_verified()
    {
        const string claim = @"\frac{\partial}{\partial \mathbf{X}} \operatorname{tr}(\sin \mathbf{X}) = \cos(\mathbf{X})^T";

        var v = DerivativeChecker.CheckClaim(Square, "", claim);

        Assert.Equal(VerdictKind.Verified, v.Kind);
        Assert.Equal("verified", InPage(Square, "", claim).GetProperty("verdict").GetString());
    }

    [Fact]
    public void Declared_element_wise_the_sine_of_a_matrix_acts_entry_by_entry()
    {
        var v = DerivativeChecker.CheckClaim(Square + @", \text{functions element-wise}", "",
            @"\frac{\partial}{\partial \mathbf{X}} \operatorname{tr}(\sin \mathbf{X}) = \mathbf{I} \odot \cos(\mathbf{X})");

        Assert.Equal(VerdictKind.Verified, v.Kind);
    }

    [Fact]
    public void An_unsubscripted_norm_of_a_matrix_is_not_checkable_and_says_why()
    {
        var v = DerivativeChecker.CheckClaim(Square, "", @"\frac{\partial}{\partial \mathbf{X}} \|\mathbf{X}\|^2 = 2\mathbf{X}");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains("ambiguous", v.Message);
        Assert.Equal(@"\|\mathbf{X}\|", v.Offending);
    }

    [Fact]
    public void A_blocks_define_wins_over_a_notation_declaration_of_the_same_symbol()
    {
        // The notation table declares y as a vector of its own; the block defines it from x.
        var context = CheckContext.Default.WithDeclarations(@"\mathbf{x}, \mathbf{y} \in \mathbb{R}^{3}, \mathbf{W} \in \mathbb{R}^{3 \times 3}");
        const string define = @"\mathbf{y} = \mathbf{W}\mathbf{x}";
        const string claim = @"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = \mathbf{W}";

        var block = DerivativeChecker.CheckBlock($"define: {define}\nclaim: {claim}", SourceSpan.At("a.md", 3, 1), context);
        var alone = DerivativeChecker.CheckClaim(@"\mathbf{x} \in \mathbb{R}^{3}, \mathbf{W} \in \mathbb{R}^{3 \times 3}", define, claim);
        var page = InPage(string.Join(", ", context.Declarations), define, claim);

        Assert.Equal(VerdictKind.Verified, block.Verdict.Kind);
        Assert.Equal(VerdictKind.Verified, alone.Kind);
        Assert.Equal("verified", page.GetProperty("verdict").GetString());
    }

    [Fact]
    public void The_documents_macros_are_understood_in_blocks_auto_mode_and_the_page()
    {
        MacroDefinition[] macros = [new(@"\vx", @"\mathbf{x}"), new(@"\norm", @"\left\lVert #1 \right\rVert", 1)];
        var context = CheckContext.Default with { Macros = [.. macros] };
        const string claim = @"\frac{\partial}{\partial \vx} \norm{\vx}^2 = 2\vx^T";

        var block = DerivativeChecker.CheckBlock($"declare: \\vx \\in \\mathbb{{R}}^{{3}}\nclaim: {claim}", SourceSpan.At("a.md", 1, 1), context);
        var auto = DerivativeChecker.AutoCheck([(claim, SourceSpan.At("a.md", 9, 1))], new AutoCheckOptions { Declarations = @"\mathbf{x} \in \mathbb{R}^{3}", Macros = macros });
        var page = InPage(@"\vx \in \mathbb{R}^{3}", "", claim, "[{name: '\\\\vx', body: '\\\\mathbf{x}', args: 0}, {name: '\\\\norm', body: '\\\\left\\\\lVert #1 \\\\right\\\\rVert', args: 1}]");

        Assert.Equal(VerdictKind.Verified, block.Verdict.Kind);
        Assert.Equal(1, auto.Verified);
        Assert.Equal("verified", page.GetProperty("verdict").GetString());
    }

    [Fact]
    public void A_refuted_link_is_quoted_whole_with_its_closing_parenthesis_and_the_expected_entry()
    {
        var v = DerivativeChecker.CheckClaim(@"\mathbf{A} \in \mathbb{R}^{3 \times 3}, \mathbf{x}, \mathbf{b} \in \mathbb{R}^{3}", "",
            @"\frac{\partial}{\partial \mathbf{x}} \|\mathbf{A}\mathbf{x} - \mathbf{b}\|^2 = (\mathbf{A}\mathbf{x} - \mathbf{b})^T\mathbf{A}", "numerator");

        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal(@"(\mathbf{A}\mathbf{x} - \mathbf{b})^T\mathbf{A}", v.Counterexample!.LinkSource);
        Assert.Contains("expected", v.ToString());
        Assert.NotNull(v.Counterexample.ExpectedEntry);
    }

    [Fact]
    public void A_claim_too_long_to_read_is_a_BK1024_error_at_its_line()
    {
        var block = "declare: x \\in \\mathbb{R}\nclaim: \\frac{d}{dx} " + new string('-', 100_000) + "x = 1";

        var r = DerivativeChecker.CheckBlock(block, SourceSpan.At("a.md", 4, 1), CheckContext.Default);

        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticIds.InputTooDeep, d.Id);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(5, d.Span.Line);
    }

    [Fact]
    public void Three_nested_ten_thousand_term_sums_stay_not_checkable_too_expensive()
    {
        var v = DerivativeChecker.CheckClaim(@"x \in \mathbb{R}", "", @"\frac{d}{dx} \sum_{i=1}^{10000} \sum_{j=1}^{10000} \sum_{k=1}^{10000} x = 1000000000000");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.False(v.TooLarge);
        Assert.Contains("too expensive", v.Message);
    }

    [Fact]
    public void A_matrix_function_of_the_largest_matrix_is_charged_by_its_work_and_ends_too_expensive()
    {
        // Uncharged, the claim is true and would be verified after minutes of work: the verdict itself shows the
        // charge. (No wall-clock limit here: under a loaded CI machine that made the test fail at random.)
        var v = DerivativeChecker.CheckClaim(@"\mathbf{X} \in \mathbb{R}^{32 \times 32}", "", @"\frac{\partial}{\partial \mathbf{X}} \operatorname{tr}(e^{\mathbf{X}}) = (e^{\mathbf{X}})^T");

        Assert.Equal(VerdictKind.NotCheckable, v.Kind);
        Assert.Contains("too expensive", v.Message);
    }
}
