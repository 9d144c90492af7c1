using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;
using Bookish.Text;

namespace Bookish.Tests.Syntax;

/// <summary>Errors, not silence: each mistake a Pandoc or Quarto habit makes is a diagnostic at its line, and the rest reads on.</summary>
public sealed class SyntaxDiagnosticsTests
{
    private static (Document Doc, List<Diagnostic> Diagnostics) Read(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var doc = MarkdownReader.Read(new SourceText("post.md", markdown), diagnostics);
        return (doc, diagnostics.ToList().ToList());
    }

    [Fact]
    public void An_unterminated_dollar_is_BK1300_at_its_line_and_column_and_the_text_stays()
    {
        var (doc, diagnostics) = Read("Intro.\n\nThe map $f(x) = x^2 is smooth,\nand so on.\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.UnterminatedDollar, d.Id);
        Assert.Equal((3, 9), (d.Span.Line, d.Span.Column));
        Assert.Contains("$f(x) = x^2 is smooth", Presentation.PlainText(doc.Blocks));
    }

    [Fact]
    public void Prices_and_closed_math_are_not_reported()
    {
        var (_, diagnostics) = Read("It costs $5, or $10 with $x$ extra; US$ 3 and \\$HOME.\n\nA lone price of $20.\n");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void An_unterminated_double_dollar_inside_a_paragraph_is_BK1300()
    {
        var (_, diagnostics) = Read("Inline $$\\sum_i x_i and more.\n");
        Assert.Equal(DiagnosticIds.UnterminatedDollar, Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void An_unclosed_fence_is_BK1303_at_the_fence_and_its_content_is_kept()
    {
        var (doc, diagnostics) = Read("# Title\n\n::: {.callout-note}\nStill here.\n\nAnd here.\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.UnclosedDiv, d.Id);
        Assert.Equal(3, d.Span.Line);
        var aside = Assert.IsType<Aside>(doc.Blocks[1]);
        Assert.Equal(2, aside.Blocks.Length);
    }

    [Fact]
    public void Only_the_unclosed_one_of_nested_fences_is_reported()
    {
        var (doc, diagnostics) = Read("::: {.theorem}\nA.\n\n::: proof\nB.\n:::\n\nMore of the theorem.\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(1, d.Span.Line);
        var theorem = Assert.IsType<Theorem>(Assert.Single(doc.Blocks));
        Assert.IsType<Theorem>(theorem.Blocks[1]);
        Assert.IsType<Paragraph>(theorem.Blocks[2]);
    }

    [Fact]
    public void An_unknown_callout_kind_is_BK1302_at_its_fence_and_shown_as_a_note()
    {
        var (doc, diagnostics) = Read("Text.\n\n::: {.callout-danger title=\"Hot\"}\nCareful.\n:::\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.UnknownCalloutKind, d.Id);
        Assert.Equal(3, d.Span.Line);
        var aside = Assert.IsType<Aside>(doc.Blocks[1]);
        Assert.Equal("note", aside.Kind);
    }

    [Fact]
    public void A_closing_fence_inside_a_code_block_does_not_close_the_div()
    {
        var (doc, diagnostics) = Read("::: note\n```\n:::\n```\n:::\n");
        Assert.Empty(diagnostics);
        var aside = Assert.IsType<Aside>(Assert.Single(doc.Blocks));
        Assert.Equal(":::", Assert.IsType<CodeBlock>(Assert.Single(aside.Blocks)).Code);
    }

    [Fact]
    public void Quarto_ids_name_the_kind_and_references_to_them_read_as_cross_references()
    {
        var doc = TestDocuments.Read("::: {#thm-mvt}\n## Mean value\nThere is a point.\n:::\n\nBy @thm-mvt and [@thm-mvt].\n");
        var theorem = Assert.IsType<Theorem>(doc.Blocks[0]);
        Assert.Equal(("theorem", "1", "Mean value"), (theorem.Kind.Name, theorem.Number, Presentation.PlainText(theorem.Title)));
        var citations = doc.Blocks.OfType<Paragraph>().Single().Content.OfType<Citation>().ToList();
        Assert.Equal(2, citations.Count);
        Assert.All(citations, c => Assert.Equal("Theorem 1", Presentation.CrossRefText(doc.Labels.Find(c.Keys[0]), CitationLabels.AsCrossRef(c, doc.Labels)!)));
    }
}
