using Bookish.Toolchain;
using Bookish.Equations;

namespace Bookish.Tests.Equations;

public sealed class ContainmentTests
{
    [Theory]
    [InlineData(@"\input{/etc/passwd}", @"\input")]
    [InlineData(@"\include{x}", @"\include")]
    [InlineData(@"\openin1=x", @"\openin")]
    [InlineData(@"\openout1=x", @"\openout")]
    [InlineData(@"\write18{ls}", @"\write")]
    [InlineData(@"\immediate\write1{x}", @"\immediate")]
    [InlineData(@"\read1 to\x", @"\read")]
    [InlineData(@"\catcode`\^^M=13", @"\catcode")]
    [InlineData(@"\csname input\endcsname", @"\csname")]
    [InlineData(@"^^5cinput", "^^5c")]
    public void Forbidden_primitives_are_found(string tex, string found) =>
        Assert.Equal(found, Containment.FindForbidden(tex));

    [Theory]
    [InlineData(@"\frac{a}{b} + \mathbf{x}^T \inputvector")]
    [InlineData(@"\int_0^1 f(x)\,dx")]
    [InlineData(@"\includegraphics[scale=.1]{images/a.png}")]
    public void Ordinary_math_is_allowed(string tex) => Assert.Null(Containment.FindForbidden(tex));
}
