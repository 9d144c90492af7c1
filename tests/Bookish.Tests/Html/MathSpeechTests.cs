using Bookish.Html;

namespace Bookish.Tests.Html;

public sealed class MathSpeechTests
{
    private const string Preamble = "\\usepackage{amsmath}\n\\newcommand{\\vone}{\\mathbf{1}}\n\\newcommand{\\vp}{\\mathbf{p}}\n" +
                                    "\\newcommand{\\norm}[1]{\\left\\|#1\\right\\|}\n\\DeclareMathOperator{\\diag}{diag}\n\\def\\R{\\mathbb{R}}\n";

    [Theory]
    [InlineData(@"\frac{a}{b}", "a over b")]
    [InlineData(@"\vone^T \vp = 1", "bold 1 transpose bold p equals 1")]
    [InlineData(@"x_i^2", "x sub i squared")]
    [InlineData(@"\mathbf{W}^{-1}", "bold W inverse")]
    [InlineData(@"\sqrt{x}", "square root of x")]
    [InlineData(@"\frac{\partial y}{\partial x}", "fraction, partial y, over partial x, end fraction")]
    [InlineData(@"\diag(\mathbf{x})", "diag left paren bold x right paren")]
    [InlineData(@"\mathbf{x} \in \R^n", "bold x in double-struck R to the n")]
    [InlineData(@"\alpha \le \Omega", "alpha less than or equal to capital omega")]
    [InlineData(@"\hat{y} \label{eq:y}", "y hat")]
    public void Equations_read_as_words_with_the_authors_macros_expanded(string tex, string spoken) =>
        Assert.Equal(spoken, new MathSpeech(Preamble).Speak(tex));

    [Fact]
    public void A_macro_with_an_argument_is_expanded_with_it()
    {
        var speech = new MathSpeech(Preamble);
        Assert.Equal(@"{\left\|{\mathbf{p}}\right\|}", speech.Expand(@"\norm{\vp}"));
        Assert.Equal("norm bold p norm less than 1", speech.Speak(@"\norm{\vp} < 1"));
    }

    [Fact]
    public void A_recursive_macro_does_not_hang()
    {
        var speech = new MathSpeech("\\newcommand{\\loop}{\\loop x}\n");
        Assert.Contains("x", speech.Speak(@"\loop"));
    }

    [Fact]
    public void A_matrix_is_read_row_by_row()
    {
        var spoken = new MathSpeech("").Speak(@"\begin{bmatrix} a & b \\ c & d \end{bmatrix}");
        Assert.Equal("matrix, row 1: a , b ; next row, c , d, end matrix", spoken);
    }
}
