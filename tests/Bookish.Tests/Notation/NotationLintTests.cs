using Bookish.Diagnostics;
using Bookish.Notation;
using static Bookish.Tests.Notation.NotationTestKit;

namespace Bookish.Tests.Notation;

public class NotationLintTests
{
    private static string Front(params string[] extra) => Lines([
        "---",                           // 1
        "title: T",                      // 2
        "notation:",                     // 3
        "  - symbol: \\mathbf{x}",       // 4
        "    meaning: input vector",     // 5
        "    kind: vector",              // 6
        "    shape: n",                  // 7
        "    macro: \\vx",               // 8
        "  - symbol: \\mathbf{W}",       // 9
        "    meaning: weights",          // 10
        "    kind: matrix",              // 11
        "    shape: m \\times n",        // 12
        .. extra,
        "---",
    ]);

    [Fact]
    public void Italic_operator_in_inline_math_is_reported_at_the_word_with_its_fix()
    {
        var md = Front() + "\n\nThe input $\\vx$ and $y = max(\\mathbf{W}\\vx)$.\n";

        var d = Assert.Single(Lint(md));

        Assert.Equal("BK5001@15:26", At(d));
        Assert.Equal(15, d.Span.EndLine);
        Assert.Equal(28, d.Span.EndColumn);
        Assert.Equal(@"\max", d.Replacement);
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Italic_operator_in_multi_line_display_math_is_reported_at_its_line_and_column(bool withSource)
    {
        var md = Front() + "\n\nUse $\\mathbf{W}$.\n\n$$\n\\vx = diag(\\mathbf{W})\n+ tr \\mathbf{W}\n$$\n";

        var ds = Lint(md, withSource);

        Assert.Equal(["BK5001@18:7", "BK5001@19:3"], ds.Select(At));
        Assert.Equal([@"\operatorname{diag}", @"\operatorname{tr}"], ds.Select(d => d.Replacement));
    }

    [Fact]
    public void Italic_operator_in_an_align_environment_and_in_inline_display_math()
    {
        var md = Lines(
            "Text $$max(x)$$ end.",          // 1
            "",
            "\\begin{align}",                // 3
            "a &= min(b) \\label{eq:a}\\\\",  // 4
            "c &= d",
            "\\end{align}");

        var ds = Lint(md);

        Assert.Equal(["BK5001@1:8", "BK5001@4:6"], ds.Select(At));
    }

    [Fact]
    public void Italic_operator_in_a_block_quote_is_located_through_the_quote_markers()
    {
        var md = Lines("> $$", "> y = softmax(z)", "> $$");

        var d = Assert.Single(Lint(md));

        Assert.Equal("BK5001@2:7", At(d));
        Assert.Equal(@"\operatorname{softmax}", d.Replacement);
    }

    [Fact]
    public void Declared_symbol_written_in_another_form_is_reported_with_the_declared_form()
    {
        var md = Front() + "\n\nThe input $\\vec{x}$ and $\\mathbf{W}\\boldsymbol{x} + \\bm x$.\n";

        var ds = Lint(md);

        Assert.Equal(["BK5002@15:12", "BK5002@15:36", "BK5002@15:53"], ds.Select(At));
        Assert.All(ds, d => Assert.Equal(@"\vx", d.Replacement));
        Assert.Equal(18, ds[0].Span.EndColumn);
        Assert.Equal(57, ds[2].Span.EndColumn);
    }

    [Fact]
    public void Symbol_declared_twice_with_different_meanings_is_an_error_at_the_second_declaration()
    {
        var md = Front("  - symbol: \\mathbf x", "    meaning: an example", "    kind: vector") + "\n\n$\\mathbf{W}\\vx$\n";

        var d = Assert.Single(Lint(md));

        Assert.Equal("BK5003@13:13", At(d));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("input vector", d.Message);
    }

    [Fact]
    public void Same_symbol_declared_twice_with_the_same_meaning_is_not_a_duplicate()
    {
        var md = Front("  - symbol: \\mathbf{x}", "    meaning: Input vector", "    kind: vector") + "\n\n$\\mathbf{W}\\vx$\n";

        Assert.Empty(Lint(md));
    }

    [Fact]
    public void Declared_entry_never_used_is_reported_at_its_declaration()
    {
        var md = Front("  - symbol: \\theta", "    meaning: parameters", "    kind: vector") + "\n\n$\\mathbf{W}\\mathbf{x}$\n";

        var d = Assert.Single(Lint(md));

        Assert.Equal("BK5004@13:13", At(d));
        Assert.Contains(@"\theta", d.Message);
    }

    [Fact]
    public void Strict_mode_reports_bold_letters_and_greek_letters_used_but_not_declared_once_each()
    {
        var md = Front("lint: { strict: true }") + "\n\n$\\mathbf{W}\\vx + \\mathbf{b} + \\alpha \\mathbf{b}$\n\n$$\n\\alpha + \\beta\n$$\n";

        var ds = Lint(md);

        Assert.Equal(["BK5005@16:18", "BK5005@16:31", "BK5005@19:10"], ds.Select(At));
        Assert.Contains(@"'\mathbf{b}'", ds[0].Message);
    }

    [Fact]
    public void Undeclared_symbols_are_not_reported_without_strict_mode()
    {
        var md = Front() + "\n\n$\\mathbf{W}\\vx + \\mathbf{b} + \\alpha$\n";

        Assert.Empty(Lint(md));
    }

    [Fact]
    public void Undefined_macro_is_an_error_at_the_macro_with_the_nearest_known_command()
    {
        var md = Lines("---", "macros:", "  R: \\mathbb{R}", "---", "", "Let $x \\in \\R$ and $y = \\alpah + \\foo{x}$.");

        var ds = Lint(md);

        Assert.Equal(["BK5006@6:25", "BK5006@6:34"], ds.Select(At));
        Assert.Equal(@"\alpha", ds[0].Replacement);
        Assert.Null(ds[1].Replacement);
        Assert.All(ds, d => Assert.Equal(Severity.Error, d.Severity));
    }

    [Fact]
    public void Macros_defined_in_the_fragment_are_not_undefined()
    {
        var md = "$$\n\\newcommand{\\half}{\\frac12} \\DeclareMathOperator{\\Tr}{Tr} \\half \\Tr A\n$$\n";

        Assert.Empty(Lint(md));
    }

    [Fact]
    public void Correct_document_is_silent_even_in_strict_mode()
    {
        var md = Front(
            "  - symbol: \\sigma", "    meaning: activation function", "    kind: function",
            "  - symbol: \\mathbf{b}", "    meaning: bias", "    kind: vector", "    shape: m",
            "lint: { strict: true }") + "\n" + Lines(
            "",
            "# Affine layer",
            "",
            "The layer computes $\\mathbf{z} = \\sigma(\\mathbf{W}\\vx + \\mathbf{b})$ for $\\vx \\in \\mathbb{R}^n$,",
            "where $\\sigma(z) = \\max(0, z)$ and $\\operatorname{diag}(\\vx)$ is diagonal; also $xy + ab$ and $f(g(x))$.",
            "",
            "$$",
            "\\frac{\\partial \\mathbf{z}}{\\partial \\vx} = \\operatorname{diag}(\\sigma'(\\mathbf{z})) \\mathbf{W},",
            "\\quad \\text{for all } i \\text{ such that } \\mathbf{z}_i > 0",
            "$$",
            "",
            "\\begin{align}",
            "\\log \\det \\mathbf{W} &= \\sum_i \\ln \\lambda_i \\label{eq:ld} \\\\",
            "\\operatorname*{argmax}_k \\mathbf{b}_k &\\neq \\exp(\\mathbf{b}) \\tag{2}",
            "\\end{align}",
            "",
            "```notation",
            "(the notation table)",
            "```");
        var md2 = md.Replace("lint: { strict: true }", "lint: { strict: true }\nmacros:\n  z: \\mathbf{z}")
            .Replace("  - symbol: \\sigma", "  - symbol: \\mathbf{z}\n    meaning: pre-activation\n    kind: vector\n  - symbol: \\sigma")
            .Replace("\\lambda_i", "\\mathbf{W}_{ii}");

        var ds = Lint(md2);

        Assert.Empty(ds);
    }

    [Fact]
    public void Severities_come_from_the_front_matter_lint_map()
    {
        var md = Front("lint: { italic-operator: error, unused: off, BK5002: info }") + "\n\n$max(\\vec{x})$\n";

        var ds = Lint(md);

        Assert.Equal([("BK5001", Severity.Error), ("BK5002", Severity.Info)], ds.Select(d => (d.Id, d.Severity)));
    }

    [Fact]
    public void A_rule_turned_off_is_silent()
    {
        var md = Front("lint:", "  italic-operator: off", "  unused: off") + "\n\n$max(x)$\n";

        Assert.Empty(Lint(md));
    }
}
