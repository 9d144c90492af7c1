using Xunit;
using Bookish.Checks.Parity;

namespace Bookish.IntegrationTests.Parity;

/// <summary>Fast checks of the pieces: word keys and the alignment.</summary>
public sealed class Parity_normalisation_tests
{
    [Theory]
    [InlineData("ﬁnd", "find")]
    [InlineData("eﬃcient,", "efficient")]
    [InlineData("“quoted”", "quoted")]
    [InlineData("don’t", "don't")]
    [InlineData("vector-valued", "vectorvalued")]
    [InlineData("deriva-tives", "derivatives")]
    [InlineData("deriva\u00ADtives", "derivatives")]
    [InlineData("(1)", "(1)")] // an equation number keeps its parentheses: a section "1" must not pair with it
    [InlineData("—", "")]
    public void Words_compare_by_a_normalised_key(string printed, string key) =>
        Assert.Equal(key, WordNormalizer.Key(WordNormalizer.Clean(printed)));

    [Fact]
    public void No_break_spaces_and_dashes_are_normalised() =>
        Assert.Equal("10 km - 5", WordNormalizer.Clean("10\u00a0km \u2013 5"));

    [Fact]
    public void The_alignment_keeps_order_and_finds_every_common_word()
    {
        string[] a = ["the", "sum", "of", "the", "elements", "is", "a", "row"];
        string[] b = ["the", "sum", "of", "the", "matrix", "calculus", "is", "a", "row"];
        var matches = WordDiff.Match(a, b);
        Assert.Equal(7, matches.Count);
        Assert.DoesNotContain(matches, m => m.A == 4);
    }

    [Fact]
    public void Long_inputs_align_through_unique_anchors()
    {
        var a = Enumerable.Range(0, 20_000).Select(i => "w" + i).ToList();
        var b = a.Take(9_000).Concat(["inserted"]).Concat(a.Skip(9_001)).ToList();
        var matches = WordDiff.Match(a, b);
        Assert.Equal(19_999, matches.Count);
    }

    [Theory]
    [InlineData("(1)", true)]
    [InlineData("(2.3)", true)]
    [InlineData("(4a)", true)]
    [InlineData("(x)", false)]
    [InlineData("1)", false)]
    public void Equation_numbers_are_recognised(string text, bool expected) =>
        Assert.Equal(expected, WordNormalizer.IsEquationNumber(text));
}
