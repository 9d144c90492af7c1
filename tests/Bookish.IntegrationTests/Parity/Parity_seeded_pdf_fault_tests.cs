using Xunit;
using System.Text.RegularExpressions;
using Bookish.Checks.Parity;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary>A deliberately faulty LaTeX writer: each test changes the generated .tex before pdflatex; the HTML is the good one.</summary>
[Collection("every-node")]
public sealed class Parity_seeded_pdf_fault_tests(EveryNodeFixture fixture, ITestOutputHelper output)
{
    private static string Src(string text) => Repo.SourceLineOf(Repo.EveryNode, text);

    [Fact]
    public async Task One_word_changed_in_the_PDF_only_is_found_at_its_paragraph()
    {
        var report = await fixture.PdfFaultAsync("word", tex => tex.Replace("about vector calculus and", "about elements and"));
        var d = ParityAssert.Found(report, ParityKind.Prose, d => ParityAssert.Has(d.Html, "vector calculus") && ParityAssert.Has(d.Pdf, "elements"), output);
        Assert.Equal(Src("> A quotation"), d.Location.Source);
        Assert.Equal("1.1 Lists and quotes", d.Location.Section);
        Assert.Contains("memorable about", d.Context);
    }

    [Fact]
    public async Task The_elements_bug_a_search_phrase_translated_wrongly_in_the_PDF_is_found()
    {
        // The reader's report: the PDF said "search for 'elements'" where the HTML said "search for 'input vector'".
        var report = await fixture.PdfFaultAsync("elements", tex => tex.Replace("& input vector \\\\", "& elements \\\\"));
        var d = ParityAssert.Found(report, ParityKind.Notation, d => ParityAssert.Has(d.Html, "input vector") && ParityAssert.Has(d.Pdf, "elements"), output);
        Assert.Equal(Src("```notation"), d.Location.Source);
        Assert.Equal("2.1 Notation", d.Location.Section);
    }

    [Fact]
    public async Task A_paragraph_missing_from_the_PDF_is_found()
    {
        var report = await fixture.PdfFaultAsync("paragraph", tex => Regex.Replace(tex, @"A second paragraph refers back.*?accumulate\.\n", "", RegexOptions.Singleline));
        var d = ParityAssert.Found(report, ParityKind.Prose, d => d.Message.Contains("paragraph missing") && ParityAssert.Has(d.Html, "A second paragraph"), output);
        Assert.Equal(Src("A second paragraph"), d.Location.Source);
        Assert.Equal("1 Prose and inline elements", d.Location.Section);
    }

    [Fact]
    public async Task An_equation_dropped_from_the_PDF_is_found()
    {
        var report = await fixture.PdfFaultAsync("equation", tex => Regex.Replace(tex, @"\\hypertarget\{eq:linear\}\{\}%\n\\begin\{equation\}.*?\\end\{equation\}\n", "", RegexOptions.Singleline));
        var d = ParityAssert.Found(report, ParityKind.Equation, d => d.Html == "eq:linear" && d.Message.Contains("missing"), output);
        Assert.Equal(Src("\\begin{equation}"), d.Location.Source);
        Assert.Equal("2 Mathematics", d.Location.Section);
    }

    [Fact]
    public async Task An_equation_carried_to_another_section_of_the_PDF_is_found_though_its_order_is_kept()
    {
        var report = await fixture.PdfFaultAsync("equation-place", tex =>
        {
            var m = Regex.Match(tex, @"\\hypertarget\{eq:linear\}\{\}%\n\\begin\{equation\}.*?\\end\{equation\}\n", RegexOptions.Singleline);
            return tex.Remove(m.Index, m.Length).Replace("\\label{sec:prose}\n", "\\label{sec:prose}\n" + m.Value);
        });
        var d = ParityAssert.Found(report, ParityKind.Equation, d => d.Html == "eq:linear" && d.Message.Contains("out of place"), output);
        Assert.Equal(Src("\\begin{equation}"), d.Location.Source);
        Assert.DoesNotContain(report.Differences, x => x.Message.Contains("out of order") || x.Message.Contains("numbered"));
    }

    [Fact]
    public async Task A_section_moved_in_the_PDF_is_found()
    {
        var report = await fixture.PdfFaultAsync("section", tex =>
        {
            var m = Regex.Match(tex, @"\\section\{Closing words\}.*?(?=\\end\{document\})", RegexOptions.Singleline);
            var without = tex.Remove(m.Index, m.Length);
            return without.Replace("\\section{Mathematics}", m.Value + "\\section{Mathematics}");
        });
        var d = ParityAssert.Found(report, ParityKind.Heading, d => ParityAssert.Has(d.Html, "Closing words") && d.Message.Contains("moved"), output);
        Assert.Equal(Src("# Closing words"), d.Location.Source);
    }

    [Fact]
    public async Task A_link_target_changed_in_the_PDF_is_found()
    {
        var report = await fixture.PdfFaultAsync("link", tex => tex.Replace("https://arxiv.org/abs/1802.01528", "https://arxiv.org/abs/1802.01529"));
        var d = ParityAssert.Found(report, ParityKind.Link, d => d.Html == "https://arxiv.org/abs/1802.01528" && d.Pdf == "https://arxiv.org/abs/1802.01529", output);
        Assert.Equal(Src("Further reading"), d.Location.Source);
    }

    [Fact]
    public async Task A_figure_caption_changed_in_the_PDF_is_found()
    {
        var report = await fixture.PdfFaultAsync("caption", tex => tex.Replace("A small square used", "A small circle used"));
        var d = ParityAssert.Found(report, ParityKind.Figure, d => ParityAssert.Has(d.Html, "square") && ParityAssert.Has(d.Pdf, "circle"), output);
        Assert.Equal(Src("![A small square"), d.Location.Source);
    }

    [Fact]
    public async Task A_notation_row_missing_from_the_PDF_is_found()
    {
        var report = await fixture.PdfFaultAsync("notation", tex => Regex.Replace(tex, @"^.*the bias term.*\n", "", RegexOptions.Multiline));
        var d = ParityAssert.Found(report, ParityKind.Notation, d => d.Message.Contains("notation row missing") && ParityAssert.Has(d.Html, "the bias term"), output);
        Assert.Equal(Src("```notation"), d.Location.Source);
    }
}
