using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;
using Bookish.Text;
using Bookish.Writing.Markdown;
using Xunit;

namespace Bookish.Tests.Dialect;

public sealed class MarkdownWriterTests
{
    private static readonly SourceSpan At = SourceSpan.None;

    private static Document Doc(params Block[] blocks) => new(new Metadata { Title = "T" }, [.. blocks], "t.md");

    private static Paragraph P(params Inline[] inlines) => new([.. inlines], At);

    private static Str S(string text) => new(text, At);

    private static (string Markdown, Document Back) RoundTrip(Document document)
    {
        var markdown = MarkdownWriter.Write(document);
        var diagnostics = new DiagnosticBag();
        var back = MarkdownReader.Read(new SourceText("t.md", markdown), diagnostics);
        Assert.DoesNotContain(diagnostics.ToList(), d => d.IsError);
        return (markdown, back);
    }

    [Theory]
    [InlineData("# not a heading * _ ` [x] $5 <b> | {y} &amp; \\ backslash")]
    [InlineData("- not a list")]
    [InlineData("1. not a list either")]
    [InlineData("> not a quote")]
    [InlineData(":::not a container")]
    public void Markdown_syntax_in_text_is_escaped(string text)
    {
        var (_, back) = RoundTrip(Doc(P(S(text))));
        Assert.Equal(text, ModelWalk.Text(Assert.IsType<Paragraph>(Assert.Single(back.Blocks)).Content));
    }

    [Theory]
    [InlineData("x^2")]
    [InlineData("2 + x")]
    [InlineData("a \\$ b")]
    [InlineData("\\frac{a}{b} \\\\")]
    public void Inline_math_reads_back_as_the_same_tex(string tex)
    {
        var (_, back) = RoundTrip(Doc(P(S("before "), new MathInline(tex, At), S("2 after"))));
        Assert.Equal(tex, ModelWalk.AllInlines(back.Blocks).OfType<MathInline>().Single().Tex.Trim());
    }

    [Fact]
    public void Notes_headings_tables_lists_figures_asides_and_raw_latex_read_back()
    {
        var note = new Note([P(S("side text"))], true, At);
        var foot = new Note([P(S("foot")), P(S("second"))], false, At);
        var table = new Table([TableAlign.None, TableAlign.None],
            [new TableRow(true, [new TableCell([S("h1")], At), new TableCell([new MathInline("x|y", At)], At)], At),
             new TableRow(false, [new TableCell([S("a|b")], At), new TableCell([new MathInline("z", At)], At)], At)], At);
        var list = new ListBlock(true, 1, [new ListItem([P(S("one")), new MathBlock("a = b", MathEnvironment.Display, At)], At), new ListItem([P(S("two"))], At)], At);
        var doc = Doc(
            new Heading(2, [S("Intro")], "intro", At) { Label = "intro", Numbered = false },
            P(S("Text"), note, S(" and"), foot, S(" see "), new CrossRef("intro", At)),
            table,
            list,
            new Figure("images/a.png", "cap", [S("A "), new Emphasis([S("caption")], false, At)], At) { Label = "fig:a", WidthFraction = 0.3 },
            new Aside("aside", [S("Title")], [P(S("inside"))], At),
            new MathBlock("\\begin{tabular}{c}x\\end{tabular}", MathEnvironment.RawLatex, At),
            new MathBlock("e = mc^2 \\label{eq:e}", MathEnvironment.Equation, At),
            new CodeBlock("python", "print(```)", At));
        var (markdown, back) = RoundTrip(doc);

        var heading = back.Blocks.OfType<Heading>().Single();
        Assert.Equal(("intro", false), (heading.Label, heading.Numbered));
        var notes = ModelWalk.AllInlines(back.Blocks).OfType<Note>().ToList();
        // Side notes are written [^side-n]; MarkdigConverter sees Markdig's label as "^side-n" and does not yet map it back to a side note.
        Assert.Equal(2, notes.Count);
        Assert.Contains("[^side-1]: side text", markdown);
        Assert.Equal(2, notes[1].Content.Length);
        Assert.Equal("intro", ModelWalk.AllInlines(back.Blocks).OfType<CrossRef>().Single().Label);
        var backTable = back.Blocks.OfType<Table>().Single();
        Assert.Equal(2, backTable.Rows.Length);
        Assert.Equal("a|b", ModelWalk.Text(backTable.Rows[1].Cells[0].Content));
        Assert.Equal("x|y", backTable.Rows[0].Cells[1].Content.OfType<MathInline>().Single().Tex);
        var backList = back.Blocks.OfType<ListBlock>().Single();
        Assert.Equal(2, backList.Items.Length);
        Assert.IsType<MathBlock>(backList.Items[0].Blocks[1]);
        var figure = back.Blocks.OfType<Figure>().Single();
        Assert.Equal(("images/a.png", "fig:a", 0.3), (figure.Source, figure.Label, figure.WidthFraction));
        Assert.Equal("A caption", ModelWalk.Text(figure.Caption));
        Assert.Equal("aside", back.Blocks.OfType<Aside>().Single().Kind);
        Assert.Contains(back.Blocks.OfType<MathBlock>(), m => m.Environment == MathEnvironment.RawLatex && m.Tex == "\\begin{tabular}{c}x\\end{tabular}");
        Assert.Contains(back.Blocks.OfType<MathBlock>(), m => m.Environment == MathEnvironment.Equation && m.Tex.Contains("mc^2"));
        Assert.Contains(back.Blocks.OfType<CodeBlock>(), c => c is { Info: "python", Code: "print(```)" });
        Assert.Contains("```texblock", markdown);
    }

    [Fact]
    public void Converting_a_book_writes_one_file_per_page_and_lists_the_chapters()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bookish-convert-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = MarkdownConversion.Convert(Corpus.Simple, dir);
            Assert.True(result.Succeeded);
            Assert.Equal(["chap1.md", "chap2.md", "index.md"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            var index = MarkdownReader.ReadFile(Path.Combine(dir, "index.md"), new DiagnosticBag());
            Assert.Equal(["chap1.md", "chap2.md"], ((List<object?>)index.Metadata.Raw["chapters"]!).Select(o => o?.ToString()));
            Assert.Contains("label: summary", File.ReadAllText(Path.Combine(dir, "chap2.md")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Converting_the_paper_copies_its_images_including_those_inside_math_and_its_css()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bookish-convert-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = MarkdownConversion.Convert(Corpus.MatrixCalculus, dir);
            Assert.True(result.Succeeded);
            foreach (var f in (string[])["index.md", "images/neuron.png", "images/not-equal-icon.png", "css/article.css"])
                Assert.True(File.Exists(Path.Combine(dir, f)), f);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
