using Xunit;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bookish.Checks.Parity;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary>A person edits the built HTML after the build (with AngleSharp here); the PDF is the good one.</summary>
[Collection("every-node")]
public sealed class Parity_hand_edited_html_tests(EveryNodeFixture fixture, ITestOutputHelper output)
{
    private static string Src(string text) => Repo.SourceLineOf(Repo.EveryNode, text);

    private ParityReport Edit(string name, Action<IDocument> edit)
    {
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(fixture.Good.HtmlPath));
        edit(doc);
        var folder = Path.Combine(Repo.Scratch, "html-edit-" + name);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "index.html");
        File.WriteAllText(path, "<!DOCTYPE html>\n" + doc.DocumentElement.OuterHtml);
        // The page's image beside it, as published (without it the page shows a broken image, a difference of its own).
        File.Copy(Path.Combine(fixture.Good.Folder, "square.png"), Path.Combine(folder, "square.png"), true);
        return ParityChecker.Compare(path, fixture.Good.PdfPath);
    }

    private static IElement Containing(IDocument doc, string selector, string text) =>
        doc.QuerySelectorAll(selector).First(e => e.TextContent.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void One_word_changed_in_the_HTML_is_found_at_its_paragraph()
    {
        var report = Edit("word", doc =>
        {
            var p = Containing(doc, "blockquote p", "vector calculus");
            p.InnerHtml = p.InnerHtml.Replace("vector calculus", "elements");
        });
        var d = ParityAssert.Found(report, ParityKind.Prose, d => ParityAssert.Has(d.Html, "elements") && ParityAssert.Has(d.Pdf, "vector calculus"), output);
        Assert.Equal(Src("> A quotation"), d.Location.Source);
    }

    [Fact]
    public void A_paragraph_removed_from_the_HTML_is_found_as_PDF_only_text()
    {
        var report = Edit("paragraph", doc => Containing(doc, "article.body > p", "A second paragraph").Remove());
        var d = ParityAssert.Found(report, ParityKind.Prose, d => d.Html is null && ParityAssert.Has(d.Pdf, "A second paragraph"), output);
        Assert.Equal("1 Prose and inline elements", d.Location.Section);
        Assert.Equal(Src("Plain words"), d.Location.Source);
    }

    [Fact]
    public void An_equation_removed_from_the_HTML_is_found()
    {
        var report = Edit("equation", doc => doc.GetElementById("eq:linear")!.Remove());
        ParityAssert.Found(report, ParityKind.Equation, d => d.Pdf == "eq:linear", output);
    }

    [Fact]
    public void A_section_moved_in_the_HTML_is_found()
    {
        var report = Edit("section", doc =>
        {
            var body = doc.QuerySelector("article.body")!;
            var closing = Containing(doc, "article.body > h2", "Closing words");
            var moved = new List<INode> { closing };
            for (var n = closing.NextSibling; n is not null; n = n.NextSibling) moved.Add(n);
            var maths = Containing(doc, "article.body > h2", "Mathematics");
            foreach (var n in moved) body.InsertBefore(n, maths);
        });
        var d = ParityAssert.Found(report, ParityKind.Heading, d => ParityAssert.Has(d.Html, "Closing words") && d.Message.Contains("moved"), output);
        Assert.Equal(Src("# Closing words"), d.Location.Source);
    }

    [Fact]
    public void A_paragraph_moved_in_the_HTML_is_reported_once_as_moved()
    {
        var report = Edit("moved-paragraph", doc =>
        {
            var quote = doc.QuerySelector("blockquote")!;
            var code = doc.QuerySelector("pre")!;
            code.After(quote);
        });
        var d = ParityAssert.Found(report, ParityKind.Prose, d => d.Message.Contains("moved") && ParityAssert.Has(d.Html, "memorable"), output);
        Assert.Equal(Src("> A quotation"), d.Location.Source);
        Assert.DoesNotContain(report.Differences, x => x != d && (ParityAssert.Has(x.Html, "memorable") || ParityAssert.Has(x.Pdf, "memorable")));
    }

    [Fact]
    public void A_link_target_changed_in_the_HTML_is_found()
    {
        var report = Edit("link", doc => doc.QuerySelector("a[href='https://arxiv.org/abs/1802.01528']")!.SetAttribute("href", "https://arxiv.org/abs/9999.99999"));
        var d = ParityAssert.Found(report, ParityKind.Link, d => d.Html == "https://arxiv.org/abs/9999.99999" && d.Pdf == "https://arxiv.org/abs/1802.01528", output);
        Assert.Equal(Src("Further reading"), d.Location.Source);
    }

    [Fact]
    public void A_figure_caption_changed_in_the_HTML_is_found()
    {
        var report = Edit("caption", doc =>
        {
            var cap = doc.QuerySelector("figcaption")!;
            cap.InnerHtml = cap.InnerHtml.Replace("small square", "small circle");
        });
        var d = ParityAssert.Found(report, ParityKind.Figure, d => ParityAssert.Has(d.Html, "circle") && ParityAssert.Has(d.Pdf, "square"), output);
        Assert.Equal(Src("![A small square"), d.Location.Source);
    }

    [Fact]
    public void Differences_become_BK4100_diagnostics_at_the_source_line_for_bookish_check()
    {
        var report = Edit("diagnostics", doc =>
        {
            var p = Containing(doc, "blockquote p", "vector calculus");
            p.InnerHtml = p.InnerHtml.Replace("vector calculus", "elements");
        });
        var diagnostics = ParityDiagnostics.From(report, Repo.EveryNode);
        var d = Assert.Single(diagnostics);
        Assert.Equal("BK4100", d.Id);
        Assert.True(d.IsError);
        Assert.Equal(Path.Combine(Repo.EveryNode, "index.md"), d.Span.Path);
        Assert.Equal(int.Parse(Src("> A quotation").Split(':')[1]), d.Span.Line);
        Assert.Contains("elements", d.Message);
    }

    [Fact]
    public void A_notation_row_removed_from_the_HTML_is_found()
    {
        var report = Edit("notation", doc => Containing(doc, "table.notation-table tbody tr", "the bias term").Remove());
        var d = ParityAssert.Found(report, ParityKind.Notation, d => ParityAssert.Has(d.Pdf, "the bias term"), output);
        Assert.Equal(Src("```notation"), d.Location.Source);
    }
}
