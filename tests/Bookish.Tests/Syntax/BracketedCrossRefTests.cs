using Bookish.Model;

namespace Bookish.Tests.Syntax;

/// <summary>Pandoc-crossref's bracketed references, <c>[@eq:x]</c> and <c>[@eq:a; @eq:b]</c>, read as plain references.</summary>
public sealed class BracketedCrossRefTests
{
    private static List<Inline> Sentence(string text) =>
        TestDocuments.Read($"$$\nx = 1 \\label{{eq:a}}\n$$\n\n$$\ny = 2 \\label{{eq:b}}\n$$\n\n$$\nz = 3 \\label{{eq:c}}\n$$\n\n{text}\n")
            .Blocks.OfType<Paragraph>().Last().Content.ToList();

    private static string Shape(List<Inline> inlines) => string.Concat(inlines.Select(i => i switch
    {
        Str s => s.Value,
        CrossRef r => $"<{r.Label}>",
        SoftBreak => " ",
        _ => "?",
    }));

    [Fact]
    public void One_bracketed_reference_loses_its_brackets()
    {
        Assert.Equal("See <eq:a>, please.", Shape(Sentence("See [@eq:a], please.")));
    }

    [Fact]
    public void Two_bracketed_references_read_as_a_pair_and_three_as_a_list()
    {
        Assert.Equal("By <eq:a> and <eq:b> we have it.", Shape(Sentence("By [@eq:a; @eq:b] we have it.")));
        Assert.Equal("From <eq:a>, <eq:b>, and <eq:c>.", Shape(Sentence("From [@eq:a;@eq:b; @eq:c].")));
    }

    [Fact]
    public void Brackets_with_other_words_stay_as_written()
    {
        Assert.Equal("[see <eq:a>] and [<eq:b> here]", Shape(Sentence("[see @eq:a] and [@eq:b here]")));
    }
}
