using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;
using Xunit;

namespace Bookish.Tests.Dialect;

public sealed class BookishSimpleTests
{
    private static (Publication Publication, IReadOnlyList<Diagnostic> Diagnostics) Read()
    {
        var diagnostics = new DiagnosticBag();
        return (BookishXmlReader.Read(Corpus.Simple, diagnostics), diagnostics.ToList());
    }

    [Fact]
    public void The_simple_book_has_an_index_page_and_one_page_per_chapter()
    {
        var (publication, _) = Read();
        Assert.True(publication.IsBook);
        Assert.Equal(["index", "chap1", "chap2"], publication.Pages.Select(p => p.PageName));
        Assert.Equal("A simple book", publication.Metadata.Title);
        Assert.Equal("T. Parr", Assert.Single(publication.Metadata.Authors).Name);
        Assert.Equal(["A simple book", "An intro", "Last chap"], publication.Pages.Select(p => p.Metadata.Title));
        Assert.Equal(["intro", "summary"], publication.Pages.Skip(1).Select(p => p.Label));
        Assert.NotEmpty(publication.Pages[2].Metadata.Abstract);
    }

    [Fact]
    public void Python_cells_are_read_as_cells_with_their_label_output_and_first_code_line()
    {
        var (publication, diagnostics) = Read();
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var cell = publication.Pages[1].Blocks.OfType<PythonCell>().Single();
        Assert.Equal("print(\"hi from chap1\")\nx = 1", cell.Code);
        Assert.Equal("ick", cell.Group);
        Assert.Equal("x", cell.OutputExpression);
        Assert.Equal(8, cell.FirstCodeLine);
        Assert.Equal(7, cell.Span.Line);
        var frame = publication.Pages[2].Blocks.OfType<PythonCell>().Single();
        Assert.Equal(("foo", "df"), (frame.Group, frame.OutputExpression));
        var inline = Assert.Single(ModelWalk.AllInlines(publication.Pages[2].Blocks).OfType<PythonInline>());
        Assert.Equal("432", inline.Expression);
        Assert.Equal("foo", inline.Group);
    }

    [Fact]
    public void Chapter_references_resolve_across_pages_after_numbering()
    {
        var (publication, _) = Read();
        var numbered = Numbering.Apply(publication);
        var refs = numbered.Pages.SelectMany(p => ModelWalk.AllInlines(p.Blocks)).OfType<CrossRef>().ToList();
        Assert.Equal(["summary", "intro"], refs.Select(r => r.Label));
        var summary = numbered.Pages[1].Labels.Find("summary");
        Assert.NotNull(summary);
        Assert.Equal(("chap2", "2"), (summary.Page, summary.Number));
        Assert.Equal("chap1", numbered.Pages[1].Labels.Find("intro")!.Page);
    }

    [Fact]
    public void Latex_blocks_and_display_math_are_equations()
    {
        var (publication, _) = Read();
        var math = publication.Pages[1].Blocks.OfType<MathBlock>().ToList();
        Assert.Equal([(MathEnvironment.RawLatex, "latex input"), (MathEnvironment.Display, "dy/dt = 3")], math.Select(m => (m.Environment, m.Tex)));
        Assert.Equal("x^2", ModelWalk.AllInlines(publication.Pages[1].Blocks).OfType<MathInline>().Single().Tex);
    }
}
