using Bookish.Latex;

namespace Bookish.Tests.Latex;

public sealed class LatexEscaperTests
{
    [Theory]
    [InlineData("a & b", @"a \& b")]
    [InlineData("100%", @"100\%")]
    [InlineData("$5", @"\$5")]
    [InlineData("#1", @"\#1")]
    [InlineData("a_b", @"a\_b")]
    [InlineData("{x}", @"\{x\}")]
    [InlineData("~", @"\textasciitilde{}")]
    [InlineData("^", @"\textasciicircum{}")]
    [InlineData(@"\", @"\textbackslash{}")]
    [InlineData("a--b", "a-{}-b")]
    [InlineData("``q''", @"\textasciigrave{}\textasciigrave{}q\textquotesingle{}\textquotesingle{}")]
    [InlineData("σ", @"\ensuremath{\sigma}")]
    public void Prose_characters_print_as_themselves(string text, string latex) =>
        Assert.Equal(latex, LatexEscaper.Escape(text));

    [Fact]
    public void Urls_escape_percent_and_hash() =>
        Assert.Equal(@"http://x.org/a\%20b\#c", LatexEscaper.Url("http://x.org/a%20b#c"));
}
