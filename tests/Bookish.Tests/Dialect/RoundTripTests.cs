using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;
using Bookish.Text;
using Bookish.Writing.Markdown;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.Tests.Dialect;

/// <summary><c>convert</c>: the Markdown written for each page reads back with the same headings, text and equations.</summary>
public sealed partial class RoundTripTests(ITestOutputHelper output)
{
    public static TheoryData<string> Roots => new() { "matrix-calculus/article.xml", "matrix-calculus-md/matrix-calculus.json", "bookish-simple/book.xml" };

    [Theory]
    [MemberData(nameof(Roots))]
    public void Converted_Markdown_reads_back_with_the_same_headings_text_and_equations(string root)
    {
        var publication = BookishXmlReader.Read(Corpus.Path_(root.Split('/')), new DiagnosticBag());
        foreach (var page in publication.Pages)
        {
            var markdown = MarkdownWriter.Write(page);
            var diagnostics = new DiagnosticBag();
            var back = MarkdownReader.Read(new SourceText(page.PageName + ".md", markdown), diagnostics);
            foreach (var d in diagnostics.ToList()) output.WriteLine(d.ToString());
            Assert.DoesNotContain(diagnostics.ToList(), d => d.IsError);

            Assert.Equal(Headings(page.Blocks), Headings(back.Blocks));
            AssertSameSequence(Paragraphs(page.Blocks), Paragraphs(back.Blocks));
            Assert.Equal(Equations(page.Blocks), Equations(back.Blocks));
            Assert.Equal(Equations(page.Metadata.Abstract), Equations(back.Metadata.Abstract));
            AssertSameSequence(Paragraphs(page.Metadata.Abstract), Paragraphs(back.Metadata.Abstract));
            Assert.Equal(page.Metadata.Title, back.Metadata.Title);
            Assert.Equal(page.Metadata.Authors.ToArray(), back.Metadata.Authors.ToArray());
            Assert.Equal(page.Metadata.Macros.ToArray(), back.Metadata.Macros.ToArray());
        }
    }

    private void AssertSameSequence(List<string> expected, List<string> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            if (expected[i] != actual[i])
            {
                output.WriteLine("expected: " + expected[i]);
                output.WriteLine("actual:   " + actual[i]);
                Assert.Fail($"paragraph {i} differs");
            }
        Assert.Equal(expected.Count, actual.Count);
    }

    private static List<(int, string)> Headings(IEnumerable<Block> blocks) =>
        ModelWalk.Blocks(blocks).OfType<Heading>().Select(h => (h.Level, Plain(h.Content))).ToList();

    private static List<string> Paragraphs(IEnumerable<Block> blocks) =>
        ModelWalk.Blocks(blocks).OfType<Paragraph>().Select(p => Plain(p.Content)).Where(t => t.Length > 0).ToList();

    /// <summary>Every equation's TeX, whitespace-normalized: inline, display, and raw LaTeX blocks (fenced <c>texblock</c> in Markdown).</summary>
    internal static HashSet<string> Equations(IEnumerable<Block> blocks)
    {
        var list = ModelWalk.AllInlines(blocks).OfType<MathInline>().Select(m => m.Tex).ToList();
        foreach (var block in ModelWalk.Blocks(blocks))
        {
            if (block is MathBlock m) list.Add(m.Tex);
            if (block is CodeBlock { Info: "texblock" } c) list.Add(c.Code);
        }
        return list.Select(Normalize).ToHashSet();
    }

    private static string Plain(IEnumerable<Inline> inlines) => Normalize(string.Concat(inlines.Select(i => i switch
    {
        // Smart punctuation reads "..." as "…": the same text, typeset.
        Str s => s.Value.Replace("…", "...").Replace("—", "---").Replace("–", "--").Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\''),
        Citation { Bare: true } c => "@" + c.Keys[0],
        Emphasis e => Plain(e.Content),
        Link l => Plain(l.Content) + "<" + l.Url + ">",
        Image img => "!<" + img.Source + ">",
        Code c => "`" + c.Value + "`",
        MathInline m => "$" + Normalize(m.Tex) + "$",
        SoftBreak or LineBreak => " ",
        CrossRef r => "[" + r.Label + "]",
        Note n => "[^" + (n.Side ? "side" : "") + "]",
        _ => "",
    })));

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
}
