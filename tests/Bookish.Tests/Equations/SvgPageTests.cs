using Bookish.Equations;

namespace Bookish.Tests.Equations;

public sealed class SvgPageTests
{
    [Theory]
    [InlineData("matrix(6.9738,0,0,-6.9738,2.887,4.8429996)", "matrix(6.974,0,0,-6.974,2.887,4.843)")]
    [InlineData("M0 0H12.357", "M0 0H12.357")]
    [InlineData("x=\"1.99996\"", "x=\"1.99996\"")]  // a carry into the integer part keeps the text exact
    [InlineData("y=\"3.10004\"", "y=\"3.1\"")]
    [InlineData("version=\"1.1\"", "version=\"1.1\"")]
    public void Long_fractions_are_rounded_to_three_decimals(string svg, string expected) =>
        Assert.Equal(expected, SvgPage.RoundNumbers(svg));

    [Fact]
    public void Ink_follows_the_text_colour_and_glyph_text_is_dropped()
    {
        var svg = SvgPage.Clean("<?xml version=\"1.0\"?><svg width=\"1pt\"><use data-text=\"x\" href=\"#a\"/><path stroke=\"#000000\" d=\"M0 0\"/></svg>");
        Assert.StartsWith("<svg fill=\"currentColor\"", svg);
        Assert.Contains("stroke=\"currentColor\"", svg);
        Assert.DoesNotContain("data-text", svg);
    }
}
