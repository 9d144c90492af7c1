using Bookish.Model;
using Bookish.Pipeline;

namespace Bookish.Tests.Writing.Epub;

/// <summary>The navigation document's contents: each chapter with its sections; a chapter's own title heading is not repeated under it.</summary>
public sealed class EpubContentsTests
{
    private static Publication Book(params (string Name, string Markdown)[] chapters)
    {
        var index = TestDocuments.Read("---\ntitle: A Book\n---\n\nWelcome.\n", "/b/index.md");
        var pages = chapters.Select(c => TestDocuments.Read(c.Markdown, $"/b/{c.Name}.md") with { PageName = c.Name });
        return new Publication(index.Metadata, [index, .. pages], true, "b");
    }

    [Fact]
    public void A_chapter_lists_its_sections_and_one_headed_by_its_title_lists_the_subsections()
    {
        var book = Book(("one", "---\ntitle: An intro\n---\n\n# The first section\n\nText.\n"),
            ("two", "# Gradients\n\n## Definition {#sec:def}\n\n## Examples\n"));
        var contents = EpubStage.Contents(book, EpubStage.PageFiles(book));
        Assert.Equal(["A Book", "An intro", "Gradients"], contents.Select(e => e.Title));
        Assert.Equal("index.xhtml", contents[0].Href);
        Assert.Equal(["1 The first section"], contents[1].Children.Select(e => e.Title));
        Assert.Equal(2, contents[2].Children.Count);
        Assert.Equal("two.xhtml#sec:def", contents[2].Children[0].Href);
    }

    [Fact]
    public void Math_in_chapter_and_section_titles_reads_as_its_spoken_form_with_the_authors_macros_expanded()
    {
        var book = Book(("grad", "# Gradients of $\\vx^T A \\vx$\n\n## When $\\nabla f = 0$ {#sec:zero}\n\nText.\n\n## Other\n"));
        var promoted = book with { Pages = [book.Pages[0], Bookish.Books.ChapterTitle.Promote(book.Pages[1])] };
        var speech = new Bookish.Html.MathSpeech("\\newcommand{\\vx}{\\mathbf{x}}");

        var contents = EpubStage.Contents(promoted, EpubStage.PageFiles(promoted), speech.Speak);

        Assert.Equal("Gradients of bold x transpose A bold x", contents[1].Title);
        Assert.Equal("1.1 When nabla f equals 0", contents[1].Children[0].Title);
        // Without a speaker (a caller that wants the source), the TeX.
        Assert.Equal("1.1 When \\nabla f = 0", EpubStage.Contents(promoted, EpubStage.PageFiles(promoted))[1].Children[0].Title);
    }

    [Fact]
    public void Page_files_are_xhtml_and_never_the_books_own_names()
    {
        var book = Book(("nav", "# Navigation\n"), ("cover", "# Covers\n"));
        var files = EpubStage.PageFiles(book);
        Assert.Equal("index.xhtml", files["index"]);
        Assert.Equal("nav-2.xhtml", files["nav"]);
        Assert.Equal("cover-2.xhtml", files["cover"]);
    }
}
