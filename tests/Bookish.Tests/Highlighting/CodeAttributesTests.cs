using Bookish.Highlighting;

namespace Bookish.Tests.Highlighting;

public sealed class CodeAttributesTests
{
    private static (CodeAttributes Attributes, List<string> Problems) Parse(string info, string[]? classes = null, (string, string?)[]? props = null)
    {
        var problems = new List<string>();
        var a = CodeAttributes.Parse(info, classes ?? [], (props ?? []).Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2)), problems.Add);
        return (a, problems);
    }

    [Fact]
    public void A_plain_info_word_is_the_language()
    {
        var (a, problems) = Parse("python");

        Assert.Equal(new CodeAttributes("python", false, 1, []), a with { HighlightLines = [] });
        Assert.Empty(problems);
    }

    [Fact]
    public void Pandoc_braces_give_language_line_numbers_first_number_and_highlighted_lines()
    {
        var (a, problems) = Parse("{.c .numberLines startFrom=\"10\" hl_lines=\"2 4-6\"}");

        Assert.Equal("c", a.Language);
        Assert.True(a.NumberLines);
        Assert.Equal(10, a.StartFrom);
        Assert.Equal(new[] { 2, 4, 5, 6 }, a.HighlightLines.ToArray());
        Assert.Empty(problems);
    }

    [Fact]
    public void Attributes_markdig_took_off_the_info_string_count_too()
    {
        var (a, _) = Parse("julia", ["numberLines", "language-julia"], [("highlight-lines", "1,3")]);

        Assert.Equal("julia", a.Language);
        Assert.True(a.NumberLines);
        Assert.Equal(new[] { 1, 3 }, a.HighlightLines.ToArray());
    }

    [Fact]
    public void The_language_may_be_the_first_class_when_there_is_no_info_word()
    {
        var (a, _) = Parse("", ["python", "numberLines"], [("startFrom", "5")]);

        Assert.Equal("python", a.Language);
        Assert.Equal(5, a.StartFrom);
    }

    [Theory]
    [InlineData("hl_lines", "two")]
    [InlineData("hl_lines", "0")]
    [InlineData("hl_lines", "5-3")]
    [InlineData("startFrom", "x")]
    public void Nonsense_values_are_reported_and_ignored(string key, string value)
    {
        var (a, problems) = Parse("python", [], [(key, value)]);

        Assert.Single(problems);
        Assert.Empty(a.HighlightLines);
        Assert.Equal(1, a.StartFrom);
    }
}
