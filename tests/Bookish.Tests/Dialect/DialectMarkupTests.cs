using Bookish.Model;
using Xunit;

namespace Bookish.Tests.Dialect;

public sealed class DialectMarkupTests
{
    private const string Head = "<chapter title=\"T\" label=\"chap\">\n\n";

    private static ImmutableInlines Para(string body, int index = 0)
    {
        var (publication, diagnostics) = DialectFixture.ReadChapter(Head + body);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return new(publication.Pages[0].Blocks.OfType<Paragraph>().ElementAt(index).Content.ToList());
    }

    internal sealed record ImmutableInlines(List<Inline> Items)
    {
        public string Text => ModelWalk.Text(Items);
    }

    [Theory]
    [InlineData("\"quoted\" -- and --- done", "\u201Cquoted\u201D \u2013 and \u2014 done")]
    [InlineData("cost \\$5 and 2 \\* 3 \\< 4", "cost $5 and 2 * 3 < 4")]
    [InlineData("\\symbol{degree} and \\symbol{tm}", "\u00B0 and \u2122")]
    [InlineData("a \\todo{fix} b", "a  b")]
    public void Text_markup_becomes_typography(string body, string expected) =>
        Assert.Equal(expected, Para(body).Text);

    [Fact]
    public void Emphasis_code_links_and_first_use()
    {
        var inlines = Para("*it* **bold** `code` [t](http://x.org/a_(b)) \\first{term}").Items;
        Assert.Collection(inlines.Where(i => i is not Str),
            i => Assert.Equal((false, "it"), (((Emphasis)i).Strong, ModelWalk.Text(((Emphasis)i).Content))),
            i => Assert.True(((Emphasis)i).Strong),
            i => Assert.Equal("code", ((Code)i).Value),
            i => Assert.Equal("http://x.org/a_(b)", ((Link)i).Url),
            i => Assert.Equal("term", ModelWalk.Text(((Emphasis)i).Content)));
    }

    [Fact]
    public void A_backslash_line_break_is_a_hard_break()
    {
        Assert.Contains(Para("one\\\\\ntwo").Items, i => i is LineBreak);
    }

    [Fact]
    public void A_side_note_goes_where_it_is_first_referenced_and_later_references_are_cross_references()
    {
        var (publication, diagnostics) = DialectFixture.ReadChapter(Head +
            "<sidenote label=\"sn\">Side *text*.</sidenote>\n\nFirst [sn] ref.\n\nSecond [sn] ref.\n");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var paragraphs = publication.Pages[0].Blocks.OfType<Paragraph>().ToList();
        Assert.Equal(2, paragraphs.Count);
        var note = Assert.IsType<Note>(paragraphs[0].Content[1]);
        Assert.True(note.Side);
        Assert.Equal("sn", note.Label);
        Assert.Equal("Side text.", ModelWalk.Text(((Paragraph)note.Content[0]).Content));
        Assert.Equal("sn", Assert.IsType<CrossRef>(paragraphs[1].Content[1]).Label);
        var numbered = Numbering.Apply(publication);
        Assert.Equal((LabelKind.Note, "1"), (numbered.Pages[0].Labels.Find("sn")!.Kind, numbered.Pages[0].Labels.Find("sn")!.Number));
    }

    [Fact]
    public void Unreferenced_side_items_stay_beside_the_paragraph_before_them()
    {
        var (publication, diagnostics) = DialectFixture.ReadChapter(Head +
            "A paragraph.\n\n<citation label=\"c1\" title=\"A Book\" author=\"Someone\">\n<site label=\"w\" url=\"http://w.org\">\n<sidequote label=\"q\" quote=\"Hi\" author=\"Me\">\n");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(publication.Pages[0].Blocks));
        var notes = paragraph.Content.OfType<Note>().ToList();
        Assert.Equal(3, notes.Count);
        Assert.All(notes, n => Assert.True(n.Side));
        Assert.Equal("A Book, Someone", ModelWalk.Text(((Paragraph)notes[0].Content[0]).Content));
        Assert.Equal("http://w.org", ModelWalk.AllInlines(notes[1].Content).OfType<Link>().Single().Url);
    }

    [Fact]
    public void Asides_callouts_chapter_quotes_figures_and_youtube()
    {
        var (publication, diagnostics) = DialectFixture.ReadChapter(Head +
            "<chapquote quote=\"Q\" author=\"A\">\n\n<aside title=\"Note\">\nInside.\n</aside>\n\n<callout>Careful.</callout>\n\n" +
            "<figure label=\"fig1\" caption=\"A {figure}\">\n<img src=\"a.png\" alt=\"alt\">\n</figure>\n\n<youtube src=\"https://youtube.com/embed/x\">\n\n<cut>dropped</cut>\n\nRef [fig1].\n");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var blocks = publication.Pages[0].Blocks;
        Assert.Equal(["chapquote", "aside", "callout"], blocks.OfType<Aside>().Select(a => a.Kind));
        var figure = Assert.Single(blocks.OfType<Figure>());
        Assert.Equal(("a.png", "fig1"), (figure.Source, figure.Label));
        Assert.Contains(ModelWalk.AllInlines(blocks).OfType<Link>(), l => l.Url == "https://youtube.com/embed/x");
        Assert.DoesNotContain("dropped", string.Concat(blocks.OfType<Paragraph>().Select(p => ModelWalk.Text(p.Content))));
        Assert.Contains(ModelWalk.AllInlines(blocks).OfType<CrossRef>(), r => r.Label == "fig1");
    }

    [Fact]
    public void Attributes_may_be_quoted_braced_or_bare()
    {
        var (publication, _) = DialectFixture.ReadChapter("<chapter title={A *styled* title} label=bare-label.1 author={[X](http://x) and Y}>\n\n<section title=\"S\" label=s1>\n\nText.\n");
        var page = publication.Pages[0];
        Assert.Equal("A styled title", page.Metadata.Title);
        Assert.Equal("bare-label.1", page.Label);
        Assert.Equal([("X", "http://x"), ("Y", null)], page.Metadata.Authors.Select(a => (a.Name, a.Url)));
        Assert.Equal("s1", page.Blocks.OfType<Heading>().Single().Label);
    }
}
