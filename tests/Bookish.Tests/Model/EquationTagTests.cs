using Bookish.Equations;
using Bookish.Model;

namespace Bookish.Tests.Model;

/// <summary>\tag with math in it (MathJax and LaTeX habits): the number reads as the math, never as its TeX.</summary>
public sealed class EquationTagTests
{
    [Theory]
    [InlineData(@"$\star$", "⋆")]
    [InlineData(@"$\dagger$", "†")]
    [InlineData(@"$\ddagger$", "‡")]
    [InlineData(@"A$'$", "A′")]
    [InlineData(@"$\ast\ast$", "∗∗")]
    [InlineData(@"$\mathbf{x}_1$", "𝐱₁")]
    [InlineData(@"\(\alpha\)", "α")]
    [InlineData(@"3a", "3a")]
    [InlineData(@"\S 2", "§2")]
    [InlineData(@"*", "*")]
    public void A_tag_argument_reads_as_the_characters_TeX_draws(string tag, string expected) =>
        Assert.Equal(expected, EquationTag.Text(tag));

    [Fact]
    public void Tags_are_found_with_balanced_braces_and_stripped_whole()
    {
        const string tex = @"a &= b \tag{$\mathbf{x}_{1}$} \label{eq:b} \\ c &= d \tag*{(A$'$)}";
        var found = EquationTag.All(tex).ToList();
        Assert.Equal([@"$\mathbf{x}_{1}$", "(A$'$)"], found.Select(f => f.Content));
        Assert.Equal([false, true], found.Select(f => f.Star));
        Assert.Equal(@"a &= b   \\ c &= d", MathTex.Strip(tex));
    }

    [Fact]
    public void Tagged_equations_are_numbered_and_referred_to_by_the_tags_text()
    {
        var doc = TestDocuments.Read("""
            $$ f(x) = x^2 \tag{$\star$} \label{eq:star} $$

            \begin{equation} h = e^x \tag*{(A$'$)} \label{eq:a} \end{equation}

            \begin{align}
            a &= b \tag{$\mathbf{x}_1$} \\
            c &= d \label{eq:plain}
            \end{align}
            """);
        var blocks = doc.Blocks.OfType<MathBlock>().ToList();
        Assert.Equal("⋆", string.Join(",", blocks[0].Numbers));
        Assert.Equal("(⋆)", string.Join(",", blocks[0].NumberLabels));
        Assert.Equal("(A′)", string.Join(",", blocks[1].Numbers));
        Assert.Equal("(A′)", string.Join(",", blocks[1].NumberLabels));
        Assert.Equal("𝐱₁,1", string.Join(",", blocks[2].Numbers));
        Assert.Equal("(𝐱₁),(1)", string.Join(",", blocks[2].NumberLabels));
        var star = doc.Labels.Find("eq:star")!;
        Assert.Equal("(⋆)", Presentation.CrossRefText(star, new CrossRef("eq:star", Bookish.Text.SourceSpan.None) { Parenthesized = true }));
        Assert.Equal(@"$\star$", star.NumberTex);
        Assert.Null(doc.Labels.Find("eq:plain")!.NumberTex);
    }
}
