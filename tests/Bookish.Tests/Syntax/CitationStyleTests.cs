using AngleSharp.Html.Parser;
using Bookish.Citations;
using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Latex;
using Bookish.Model;
using Bookish.Tests.Html;

namespace Bookish.Tests.Syntax;

/// <summary>Pandoc citations in both built-in styles: the text each citation prints, identical in the page and the PDF.</summary>
public sealed class CitationStyleTests
{
    private const string Bib = """
        @article{doe2020, author = {Doe, Jane and Roe, Richard}, title = {Gradients of Norms}, journal = {J. Calc.}, year = 2020}
        @book{doe2020b, author = {Doe, Jane and Roe, Richard}, title = {A Second Look}, publisher = {Pub}, year = 2020}
        @misc{kim_lee, author = {Min-jun Kim and Ji-woo Lee and Sofia Álvarez}, title = {Jacobians, Slowly}, year = {2019}}
        """;

    private const string Body = """
        As shown [@doe2020], and in [@doe2020; @kim_lee]. See it [see @kim_lee, pp. 3-5]. Doe and Roe prove it [-@doe2020].
        @kim_lee agree, and @doe2020b [p. 7] too; \citet{kim_lee} and \citep[ch.~2]{doe2020}.

        ::: {.lemma #lem:bound}
        Bounded.
        :::

        By @lem:bound, mail ann@example.org.
        """;

    private static (Document Doc, Bibliography Bib, DiagnosticBag Diagnostics) Read(string style, string body = Body)
    {
        var dir = Directory.CreateTempSubdirectory("bookish-cite-").FullName;
        File.WriteAllText(Path.Combine(dir, "refs.bib"), Bib);
        var doc = TestDocuments.Read($"---\nbibliography: refs.bib\ncitation-style: {style}\n---\n\n{body}\n", Path.Combine(dir, "doc.md"));
        var diagnostics = new DiagnosticBag();
        var bib = Bibliography.For(new Publication(doc.Metadata, [doc], false, "doc"), diagnostics);
        return (doc, bib, diagnostics);
    }

    private static List<string> Labels(Document doc, Bibliography bib) =>
        ModelWalker.Inlines(doc).OfType<Citation>().Where(c => CitationLabels.AsCrossRef(c, doc.Labels) is null).Select(bib.Label).ToList();

    [Fact]
    public void Numeric_style_numbers_by_first_citation_and_keeps_prefixes_locators_and_narrative_authors()
    {
        var (doc, bib, diagnostics) = Read("numeric");
        Assert.Empty(diagnostics.ToList());
        Assert.Equal(["doe2020", "kim_lee", "doe2020b"], bib.References.Select(r => r.Key));
        Assert.Equal(
            ["[1]", "[1, 2]", "[see 2, pp. 3–5]", "[1]", "Kim et al. [2]", "Doe and Roe [3, p. 7]", "Kim et al. [2]", "[1, ch.\u00A02]"],
            Labels(doc, bib));
    }

    [Fact]
    public void Author_year_style_prints_names_and_years_and_tells_two_works_of_one_year_apart()
    {
        var (doc, bib, diagnostics) = Read("author-year");
        Assert.Empty(diagnostics.ToList());
        Assert.Equal(["doe2020b", "doe2020", "kim_lee"], bib.References.Select(r => r.Key));
        Assert.Equal(
            ["(Doe and Roe 2020b)", "(Doe and Roe 2020b; Kim et al. 2019)", "(see Kim et al. 2019, pp. 3–5)", "(2020b)",
             "Kim et al. (2019)", "Doe and Roe (2020a, p. 7)", "Kim et al. (2019)", "(Doe and Roe 2020b, ch.\u00A02)"],
            Labels(doc, bib));
        Assert.StartsWith("Jane Doe, Richard Roe (2020a). A Second Look.", bib.Find("doe2020b")!.Text);
    }

    [Fact]
    public void A_key_that_is_a_label_is_a_cross_reference_and_an_email_is_text()
    {
        var (doc, _, _) = Read("numeric");
        var last = doc.Blocks.OfType<Paragraph>().Last();
        Assert.Contains(last.Content, i => i is Citation c && c.Keys[0] == "lem:bound" || i is CrossRef { Label: "lem:bound" });
        Assert.Contains(last.Content, i => i is Str s && s.Value.Contains("ann@example.org"));
    }

    [Fact]
    public void An_unknown_key_is_BK1301_at_its_line()
    {
        var (_, _, diagnostics) = Read("numeric", "First line.\n\nSee [@nobody, p. 2] and @nothere.");
        var errors = diagnostics.ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(DiagnosticIds.UnknownCitationKey, e.Id));
        Assert.All(errors, e => Assert.Equal(8, e.Span.Line));
    }

    [Fact]
    public void An_unknown_style_is_BK1304_and_numeric_is_used()
    {
        var (doc, bib, diagnostics) = Read("fancy-style", "See [@doe2020].");
        Assert.Equal(DiagnosticIds.UnknownCitationStyle, Assert.Single(diagnostics.ToList()).Id);
        Assert.Equal(["[1]"], Labels(doc, bib));
    }

    [Fact]
    public async Task The_page_and_the_PDF_print_the_same_citation_text_and_link_it_to_the_reference()
    {
        var (doc, bib, _) = Read("author-year", "Known [see @kim_lee, p. 3]; @doe2020 agree.");
        var publication = new Publication(doc.Metadata, [doc], false, "doc");
        var settings = new MathSettings();
        var math = (await new FakeMathRenderer().RenderAsync(MathCollector.Collect([doc]), settings)).Rendered;
        var html = HtmlWriter.Write(doc, new HtmlWriterContext(publication, math, settings,
            "<!DOCTYPE html><html><head><title data-slot=\"title\"></title></head><body><main data-slot=\"body\"></main></body></html>") { Bibliography = bib });
        var page = new HtmlParser().ParseDocument(html);
        var cites = page.QuerySelectorAll("span.citation").Select(e => e.TextContent).ToList();
        Assert.Equal(["(see Kim et al. 2019, p. 3)", "Doe and Roe (2020)"], cites);
        Assert.Equal("#ref-kim_lee", page.QuerySelector("span.citation a")!.GetAttribute("href"));
        Assert.Equal(["ref-doe2020", "ref-kim_lee"], page.QuerySelectorAll("section.references ul.author-year li").Select(li => li.Id).ToList());

        var tex = LatexWriter.Write(new LatexWriterContext(publication, "\\documentclass{article}\n\\begin{document}\n%% bookish:body\n\\end{document}\n", "") { Bibliography = bib }).Tex;
        Assert.Contains("(see \\hyperlink{ref-kim_lee}{Kim et al. 2019}, p. 3)", tex);
        Assert.Contains("Doe and Roe (\\hyperlink{ref-doe2020}{2020})", tex);
        Assert.Contains("\\hangindent=1.5em\\hangafter=1\\hypertarget{ref-doe2020}{}Jane Doe, Richard Roe (2020).", tex);
    }
}
