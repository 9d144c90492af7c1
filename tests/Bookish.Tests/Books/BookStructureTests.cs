using Bookish.Books;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Publishing;
using Bookish.Reading;
using Bookish.Text;

namespace Bookish.Tests.Books;

/// <summary>A book's outline, chapter titles, numbering (chapters, appendices, parts) and search documents, from real Markdown folders.</summary>
public sealed class BookStructureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bookish-book-unit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Publication Read(string index, params (string Name, string Text)[] chapters)
    {
        File.WriteAllText(Path.Combine(_dir, "index.md"), index);
        foreach (var (name, text) in chapters) File.WriteAllText(Path.Combine(_dir, name), text);
        var diagnostics = new DiagnosticBag();
        var publication = InputReader.Read(_dir, diagnostics)!;
        Assert.Empty(diagnostics.ToList());
        return Numbering.Apply(publication);
    }

    [Fact]
    public void A_chapter_titled_by_its_only_top_heading_shows_it_once_and_numbers_its_sections_below_it()
    {
        var book = Read("---\ntitle: Buch\nchapters: [eins.md]\n---\n", ("eins.md", "# Über Grenzwerte {#sec:gw}\n\nText.\n\n## Folgen\n\n## Reihen\n"));

        var chapter = book.Pages[1];
        Assert.Equal("Über Grenzwerte", Presentation.PageTitle(chapter));
        Assert.Equal(["1.1", "1.2"], chapter.Blocks.OfType<Heading>().Select(h => h.Number));
        Assert.Equal("sec:gw", chapter.Label);
        Assert.Equal("Chapter 1", Presentation.CrossRefText(chapter.Labels.Find("sec:gw"), new CrossRef("sec:gw", SourceSpan.None) { Parenthesized = true }));
    }

    [Fact]
    public void A_chapter_with_several_top_headings_or_a_front_matter_title_keeps_its_headings()
    {
        var book = Read("---\nchapters: [a.md, b.md]\n---\n",
            ("a.md", "# One\n\n# Two\n"), ("b.md", "---\ntitle: Own title\n---\n# Heading\n"));

        Assert.Equal(["1.1", "1.2"], book.Pages[1].Blocks.OfType<Heading>().Select(h => h.Number));
        Assert.Equal("One", Presentation.PageTitle(book.Pages[1]));
        Assert.Equal("Own title", Presentation.PageTitle(book.Pages[2]));
        Assert.Single(book.Pages[2].Blocks.OfType<Heading>());
    }

    [Fact]
    public void Parts_and_appendices_in_the_outline_number_chapters_1_2_and_appendices_A_B()
    {
        var book = Read("""
            ---
            chapters:
              - intro.md
              - part: Grundlagen
                chapters: [a.md, b.md]
              - part: Anwendungen
                chapters: [c.md]
            appendices: [x.md, y.md]
            ---
            """,
            ("intro.md", "# Intro\n"), ("a.md", "# A\n\n## s\n\n\\begin{equation}x\\end{equation}\n"), ("b.md", "# B\n"), ("c.md", "# C\n"),
            ("x.md", "# X\n\n## Tables\n\n\\begin{equation}y\\end{equation}\n\n![Cap](p.png)\n"), ("y.md", "# Y\n"));

        var chapters = book.Pages.Skip(1).Select(p => p.Chapter!).ToList();
        Assert.Equal(["1", "2", "3", "4", "A", "B"], chapters.Select(c => c.Number));
        Assert.Equal([null, "Grundlagen", "Grundlagen", "Anwendungen", null, null], chapters.Select(c => c.Part));
        Assert.Equal([false, true, false, true, false, false], chapters.Select(c => c.OpensPart));
        Assert.Equal([false, false, false, false, true, false], chapters.Select(c => c.OpensAppendices));
        Assert.Equal(["", "I", "I", "II", "", ""], chapters.Select(c => c.PartNumber));
        Assert.Equal("Appendix B", chapters[5].Name);
        var a = book.Pages[2];
        Assert.Equal("2.1", a.Blocks.OfType<Heading>().Single().Number);
        Assert.Equal(["2.1"], a.Blocks.OfType<MathBlock>().Single().Numbers.ToArray());
        var x = book.Pages[5];
        Assert.Equal("A.1", x.Blocks.OfType<Heading>().Single().Number);
        Assert.Equal(["A.1"], x.Blocks.OfType<MathBlock>().Single().Numbers.ToArray());
        Assert.Equal("A.1", x.Blocks.OfType<Figure>().Single().Number);
    }

    [Fact]
    public void Unnumbered_equations_have_ids_unique_across_the_chapters_of_a_book()
    {
        var book = Read("---\nchapters: [a.md, b.md]\n---\n", ("a.md", "# A\n\n$$x$$\n"), ("b.md", "# B\n\n$$y$$\n"));

        var ids = book.Pages.Skip(1).SelectMany(p => p.Blocks.OfType<MathBlock>()).Select(m => m.Id).ToList();
        Assert.Equal(["math-1-1", "math-2-1"], ids);
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    public void Appendix_letters_follow_LaTeX_then_go_on_past_Z(int n, string letters) => Assert.Equal(letters, BookOutline.Letters(n));

    [Theory]
    [InlineData(1, "I")]
    [InlineData(4, "IV")]
    [InlineData(14, "XIV")]
    public void Part_numbers_are_roman_as_LaTeX_prints_them(int n, string roman) => Assert.Equal(roman, BookOutline.Roman(n));

    [Fact]
    public void Search_documents_hold_one_section_each_with_its_prose_captions_and_equation_TeX()
    {
        var book = Read("---\ntitle: B\nchapters: [g.md]\n---\n",
            ("g.md", "# Gradienten\n\nVorwort mit $\\nabla_{\\mathbf{x}} f$.\n\n## Definition {#sec:def}\n\nSiehe @sec:def.\n\n\\begin{equation}\n\\nabla f = 0\n\\end{equation}\n\n| a | b |\n|---|---|\n| ü | ß |\n\nTable: Größen {#tbl:g}\n"));

        var docs = SearchDocuments.Build(book);

        var intro = docs.Single(d => d.Page == "g.html" && d.Anchor == "");
        Assert.Equal("Chapter 1 · Gradienten", intro.Chapter);
        Assert.Contains(@"\nabla_{\mathbf{x}} f", intro.Math);
        var def = docs.Single(d => d.Anchor == "sec:def");
        Assert.Equal("1.1 Definition", def.Heading);
        Assert.Equal(@"\nabla f = 0", def.Math);
        Assert.Equal("Table 1.1: Größen", def.Captions);
        Assert.Contains("Siehe Section 1.1.", def.Text);
        Assert.Contains("ü ß", def.Text);
        Assert.StartsWith("window.bookishSearchData = {\"version\":2,\"docs\":[{", SearchDocuments.Script(SearchDocuments.Json(docs), "{}"));
    }
}
