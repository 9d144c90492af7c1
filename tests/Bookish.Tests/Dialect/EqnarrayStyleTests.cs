using Bookish.Reading;

namespace Bookish.Tests.Dialect;

public sealed class EqnarrayStyleTests
{
    [Theory]
    [InlineData(@"a &=& b", @"\begin{aligned}a &= b\end{aligned}")]
    [InlineData(@"a &\leq& b \\ &=& c", @"\begin{aligned}a &\leq b \\ &= c\end{aligned}")]
    [InlineData(@"a & = & b\\[2pt] c & = & d", @"\begin{aligned}a & =  b\\[2pt] c & =  d\end{aligned}")]
    public void Eqnarray_rows_become_aligned_at_the_relation(string tex, string expected) =>
        Assert.Equal(expected, ChapterParser.EqnarrayStyle(tex));

    [Theory]
    [InlineData(@"\begin{array}{lcl} a & = & b \end{array}")]
    [InlineData(@"a + b")]
    [InlineData(@"a & b & c & d")]
    [InlineData(@"\{ x \& y \}")]
    public void Other_displays_are_left_alone(string tex) => Assert.Equal(tex, ChapterParser.EqnarrayStyle(tex));
}
