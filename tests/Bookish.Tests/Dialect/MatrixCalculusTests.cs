using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.Tests.Dialect;

public sealed class MatrixCalculusTests(ITestOutputHelper output)
{
    private static (Publication Publication, DiagnosticBag Diagnostics) Read(string root)
    {
        var diagnostics = new DiagnosticBag();
        return (BookishXmlReader.Read(root, diagnostics), diagnostics);
    }

    private void Show(DiagnosticBag diagnostics)
    {
        foreach (var d in diagnostics.ToList().Take(40)) output.WriteLine(d.ToString());
    }

    [Fact]
    public void Matrix_calculus_article_reads_with_no_error_diagnostics()
    {
        var (publication, diagnostics) = Read(Corpus.MatrixCalculus);
        Show(diagnostics);
        Assert.DoesNotContain(diagnostics.ToList(), d => d.IsError);
        Assert.False(publication.IsBook);
        var page = Assert.Single(publication.Pages);
        Assert.Equal("index", page.PageName);
        Assert.Equal("The Matrix Calculus You Need For Deep Learning", publication.Metadata.Title);
        Assert.Equal(["Terence Parr", "Jeremy Howard"], publication.Metadata.Authors.Select(a => a.Name));
        Assert.All(publication.Metadata.Authors, a => Assert.StartsWith("http", a.Url));
        Assert.False(publication.Metadata.NumberSections);
        Assert.Equal(["css/article.css"], publication.Metadata.DocumentCss.ToArray());
        Assert.NotEmpty(publication.Metadata.Abstract);
        Assert.Equal("@the_antlr_guy", publication.Metadata.TwitterHandle);
        Assert.Contains(publication.Metadata.Macros, m => m is { Name: "vec", Body: @"\mathbf{#1}", Arguments: 1 });
    }

    [Fact]
    public void Every_inline_display_and_latex_equation_of_the_source_is_in_the_model()
    {
        var counts = SourceCounts.Of(File.ReadAllText(Corpus.MatrixCalculusIndex), legacy: false);
        var (publication, _) = Read(Corpus.MatrixCalculus);
        var blocks = ModelWalk.Blocks(publication.Pages[0].Blocks).ToList();
        var inline = ModelWalk.AllInlines(publication.Pages[0].Blocks).OfType<MathInline>().ToList();
        var display = blocks.OfType<MathBlock>().Where(m => m.Environment == MathEnvironment.Display).ToList();
        var latex = blocks.OfType<MathBlock>().Where(m => m.Environment == MathEnvironment.RawLatex).ToList();
        output.WriteLine($"source: {counts.Inline.Count} inline, {counts.Display.Count} display, {counts.Latex.Count} latex");

        Assert.Equal((596, 114, 5), (counts.Inline.Count, counts.Display.Count, counts.Latex.Count));
        Assert.Equal(counts.Inline.Count, inline.Count);
        Assert.Equal(counts.Display.Count, display.Count);
        Assert.Equal(counts.Latex.Count, latex.Count);
        Assert.Equal(counts.Inline.ToHashSet(), inline.Select(m => m.Tex).ToHashSet());
        // The one image inside math is rewritten relative to the document folder (see below).
        Assert.Equal(counts.Display.Select(t => Normalize(t.Replace("../images/", "images/"))).ToHashSet(), display.Select(m => Normalize(m.Tex)).ToHashSet());
        Assert.Equal(counts.Latex.Select(Normalize).ToHashSet(), latex.Select(m => Normalize(m.Tex)).ToHashSet());
    }

    private static string Normalize(string tex) => string.Join(" ", tex.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_three_tables_hold_33_inline_equations()
    {
        var (publication, _) = Read(Corpus.MatrixCalculus);
        var tables = ModelWalk.Blocks(publication.Pages[0].Blocks).OfType<Table>().ToList();
        Assert.Equal(3, tables.Count);
        var perTable = tables.Select(t => t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Content).SelectMany(ModelWalk.Inlines).OfType<MathInline>().Count()).ToList();
        Assert.Equal(SourceCounts.Of(File.ReadAllText(Corpus.MatrixCalculusIndex), false).TableMath, perTable);
        Assert.Equal(33, perTable.Sum());
        Assert.True(tables[0].Rows[0].IsHeader);
        Assert.Equal(4, tables[0].Rows[0].Cells.Length);
        Assert.Equal(8, tables[0].Rows.Length);
    }

    [Fact]
    public void The_four_images_are_figures_with_their_width()
    {
        var (publication, _) = Read(Corpus.MatrixCalculus);
        var figures = ModelWalk.Blocks(publication.Pages[0].Blocks).OfType<Figure>().ToList();
        Assert.Equal(4, figures.Count);
        Assert.Equal("images/neuron.png", figures[0].Source);
        Assert.Equal(0.3, figures[0].WidthFraction, 3);
        Assert.All(figures, f => Assert.True(File.Exists(Path.Combine(publication.Pages[0].BaseDirectory, f.Source))));
    }

    [Fact]
    public void The_47_links_are_in_the_body_the_root_copyright_the_abstract_and_the_authors()
    {
        var (publication, _) = Read(Corpus.MatrixCalculus);
        var page = publication.Pages[0];
        var about = Assert.IsType<Aside>(page.Blocks[0]);
        Assert.Equal("about", about.Kind);
        var copyright = ModelWalk.AllInlines(about.Blocks).OfType<Link>().Count();
        var body = ModelWalk.AllInlines(page.Blocks).OfType<Link>().Count() - copyright;
        var abstractLinks = ModelWalk.AllInlines(publication.Metadata.Abstract).OfType<Link>().Count();
        var authorLinks = publication.Metadata.Authors.Count(a => a.Url is not null);
        output.WriteLine($"body {body}, copyright {copyright}, abstract {abstractLinks}, authors {authorLinks}");
        Assert.Equal((36, 7, 2, 2), (body, copyright, abstractLinks, authorLinks));
        Assert.Equal(47, body + copyright + abstractLinks + authorLinks);
    }

    [Fact]
    public void Sections_are_headings_with_their_labels()
    {
        var (publication, _) = Read(Corpus.MatrixCalculus);
        var headings = publication.Pages[0].Blocks.OfType<Heading>().ToList();
        Assert.Equal(10 + 12 + 3, headings.Count);
        Assert.Equal(10, headings.Count(h => h.Level == 2));
        Assert.Contains(headings, h => h.Label == "reference" && h.Id == "reference");
        Assert.Equal("Introduction", ModelWalk.Text(headings[0].Content));
    }

    [Fact]
    public void Images_inside_math_are_rewritten_relative_to_the_document_folder()
    {
        var (publication, _) = Read(Corpus.MatrixCalculus);
        var tex = ModelWalk.Blocks(publication.Pages[0].Blocks).OfType<MathBlock>().Select(m => m.Tex).Single(t => t.Contains("includegraphics"));
        Assert.Contains(@"\includegraphics[scale=.012]{images/not-equal-icon.png}", tex);
        Assert.DoesNotContain("../images", tex);
    }

    [Fact]
    public void Markdown_era_version_reads_with_no_errors_and_the_same_equation_counts()
    {
        var (publication, diagnostics) = Read(Corpus.MatrixCalculusMd);
        Show(diagnostics);
        Assert.DoesNotContain(diagnostics.ToList(), d => d.IsError);
        var counts = SourceCounts.Of(File.ReadAllText(Corpus.MatrixCalculusMdText), legacy: true);
        var page = Assert.Single(publication.Pages);
        var blocks = ModelWalk.Blocks(page.Blocks).ToList();
        Assert.Equal(counts.Inline.Count, ModelWalk.AllInlines(page.Blocks).OfType<MathInline>().Count());
        Assert.Equal(counts.Display.Count, blocks.OfType<MathBlock>().Count(m => m.Environment == MathEnvironment.Display));
        Assert.Equal(counts.Latex.Count, blocks.OfType<MathBlock>().Count(m => m.Environment == MathEnvironment.RawLatex));
        Assert.Equal((596, 114, 5), (counts.Inline.Count, counts.Display.Count, counts.Latex.Count));
        Assert.Equal("The Matrix Calculus You Need For Deep Learning", publication.Metadata.Title);
        Assert.Equal(2, publication.Metadata.Authors.Length);
        Assert.NotEmpty(publication.Metadata.Abstract);
        Assert.Equal("about", Assert.IsType<Aside>(page.Blocks[0]).Kind);
        Assert.Contains(page.Blocks.OfType<Heading>(), h => h.Label == "reference");
        Assert.Equal(3, blocks.OfType<Table>().Count());
        Assert.Equal(4, blocks.OfType<Figure>().Count());
    }

    [Fact]
    public void Markdown_era_md_file_can_be_the_root()
    {
        var (publication, diagnostics) = Read(Corpus.MatrixCalculusMdText);
        Assert.DoesNotContain(diagnostics.ToList(), d => d.IsError);
        Assert.Equal("matrix-calculus", Assert.Single(publication.Pages).PageName);
    }

    [Fact]
    public void Markdown_era_files_are_told_apart_from_Markdown_with_math()
    {
        Assert.True(BookishXmlReader.LooksLikeMarkdownEra(Corpus.MatrixCalculusMdText));
        var path = Path.Combine(Path.GetTempPath(), "bookish-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(path, "---\ntitle: T\n---\n\n# Heading\n\n$$\nx\n$$\n");
        try { Assert.False(BookishXmlReader.LooksLikeMarkdownEra(path)); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var text = File.ReadAllText(Corpus.MatrixCalculusIndex);
        var (lf, _) = DialectFixture.ReadChapter(text, chapterFile: "index.xml");
        var (crlf, diagnostics) = DialectFixture.ReadChapter(text.Replace("\n", "\r\n"), chapterFile: "index.xml");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Equal(RoundTripTests.Equations(lf.Pages[0].Blocks), RoundTripTests.Equations(crlf.Pages[0].Blocks));
        Assert.Equal(ModelWalk.Blocks(lf.Pages[0].Blocks).Count(), ModelWalk.Blocks(crlf.Pages[0].Blocks).Count());
        Assert.Equal(596, ModelWalk.AllInlines(crlf.Pages[0].Blocks).OfType<MathInline>().Count());
    }
}

public sealed class BookishFolderInputTests
{
    [Theory]
    [InlineData("matrix-calculus", false)]  // article.xml
    [InlineData("bookish-simple", true)]    // book.xml
    public void A_folder_in_bookish_s_own_layout_is_read_through_its_root_file(string folder, bool book)
    {
        var diagnostics = new DiagnosticBag();
        var publication = Bookish.Publishing.InputReader.Read(Corpus.Path_(folder), diagnostics);
        Assert.NotNull(publication);
        Assert.DoesNotContain(diagnostics.ToList(), d => d.IsError);
        Assert.Equal(book, publication.IsBook);
        Assert.Equal(folder, Bookish.Publishing.InputReader.NameOf(Corpus.Path_(folder)));
    }

    [Fact]
    public void A_folder_without_a_root_file_is_an_error_naming_what_was_looked_for()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(Bookish.Publishing.InputReader.Read(Directory.CreateTempSubdirectory("bookish-empty-").FullName, diagnostics));
        Assert.Contains("book.xml", Assert.Single(diagnostics.ToList()).Message);
    }
}
