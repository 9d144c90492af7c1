using Bookish.Toolchain;

namespace Bookish.Tests.Equations;

public sealed class TexLogTests
{
    [Fact]
    public void An_error_keeps_TeX_s_words_and_the_offending_token()
    {
        var log = "(./math.tex\n! Undefined control sequence.\n<argument> \\foo\n\nl.12 $\\foo\n           {x}$\n";
        var error = Assert.Single(TexLog.Errors(log));
        Assert.Equal(12, error.Line);
        Assert.StartsWith("Undefined control sequence.", error.Message);
        Assert.Contains(@"\foo", TexLog.Describe(log, error));
    }
}
