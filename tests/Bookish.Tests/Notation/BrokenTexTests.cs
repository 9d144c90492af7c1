using Bookish.Notation;

namespace Bookish.Tests.Notation;

public class BrokenTexTests
{
    [Theory]
    [InlineData(@"\frac{a")]
    [InlineData(@"a}}} + max(")]
    [InlineData(@"x^")]
    [InlineData(@"x_")]
    [InlineData(@"\mathbf")]
    [InlineData(@"\mathbf{")]
    [InlineData(@"\begin{")]
    [InlineData(@"\vx{")]
    [InlineData(@"\sqrt[")]
    [InlineData(@"\")]
    [InlineData(@"% only a comment")]
    [InlineData(@"\operatorname*")]
    [InlineData(@"\norm")]
    [InlineData(@"\rec")]
    public void Broken_tex_never_throws(string tex)
    {
        var md = NotationTestKit.Lines(
            "---",
            "macros:",
            "  norm: '\\left\\| #1 \\right\\|'",
            "  rec: '\\rec #1'",
            "notation:",
            "  - {symbol: '\\mathbf{x}', meaning: input, kind: vector, macro: '\\vx'}",
            "lint: { strict: true }",
            "---",
            "",
            "$$",
            tex,
            "$$",
            "",
            "Inline $" + tex + "$ too.");
        var p = NotationTestKit.Read(md);

        var diagnostics = NotationLint.Run(p.Document, p.Notation, p.Options, p.Source);
        var rows = NotationTable.Rows(p.Document, p.Notation);
        var withoutSource = NotationLint.Run(p.Document, p.Notation, p.Options);

        Assert.All(diagnostics, d => Assert.True(d.Span.Line >= 1));
        Assert.Single(rows);
        Assert.Equal(diagnostics.Count, withoutSource.Count);
    }
}
