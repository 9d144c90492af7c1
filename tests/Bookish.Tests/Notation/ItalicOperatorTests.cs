using Bookish.Notation;

namespace Bookish.Tests.Notation;

public class ItalicOperatorTests
{
    [Theory]
    [InlineData(@"max(x, y)", "max", 0, @"\max")]
    [InlineData(@"y = diag(\mathbf{x})", "diag", 4, @"\operatorname{diag}")]
    [InlineData(@"tr A", "tr", 0, @"\operatorname{tr}")]
    [InlineData(@"\sum_i ln(x_i)", "ln", 7, @"\ln")]
    [InlineData(@"a + exp(-x)", "exp", 4, @"\exp")]
    [InlineData(@"f = activation(\mathbf{x})", "activation", 4, @"\text{activation}")]
    [InlineData(@"y = sum(\mathbf{x})", "sum", 4, @"\sum")]
    [InlineData(@"2xcos(x)", "cos", 2, @"\cos")]
    [InlineData(@"sinx", "sinx", 0, @"\sin x")]
    [InlineData(@"\hat{y} = argmax_k p_k", "argmax", 10, @"\operatorname*{argmax}")]
    [InlineData(@"tanh \left( z \right)", "tanh", 0, @"\tanh")]
    [InlineData(@"x_{max}", "max", 3, @"\mathrm{max}")]
    [InlineData(@"\frac{1}{det A}", "det", 9, @"\det")]
    public void Italic_operator_name_is_found_with_its_fix(string tex, string word, int start, string fix)
    {
        var found = NotationLint.ItalicOperatorsIn(tex);

        var f = Assert.Single(found);
        Assert.Equal(word, f.Text);
        Assert.Equal(start, f.Start);
        Assert.Equal(fix, f.Replacement);
    }

    [Theory]
    [InlineData(@"\max(x, y)")]
    [InlineData(@"\operatorname{diag}(\mathbf{x})")]
    [InlineData(@"\operatorname*{argmax}_k p_k")]
    [InlineData(@"\mathbf{max} + \mathrm{diag} + \text{activation}(x)")]
    [InlineData(@"\text{if } x > 0 \text{ and } y \leq \max")]
    [InlineData(@"\begin{bmatrix} a & b \\ c & d \end{bmatrix}")]
    [InlineData(@"\begin{cases} x & \text{otherwise} \end{cases}")]
    [InlineData(@"xy + ab - abc + f(x) + g(h(x))")]
    [InlineData(@"\frac{\partial y}{\partial x} = \sin(x) \cos x \log y \ln z")]
    [InlineData(@"\mathbf{w} \cdot \mathbf{x} + b")]
    [InlineData(@"\mathbf x + \boldsymbol{\theta} + \bm{sum}")]
    [InlineData(@"{\rm max}(a, b) + \mathop{\rm tr} A")]
    [InlineData(@"\label{eq:max} \tag{sum} x")]
    [InlineData(@"uv(x) + dx")]
    [InlineData(@"\alpha\beta(x)")]
    [InlineData(@"\sqrt[max]{x}")]
    public void Correct_math_is_silent(string tex)
    {
        Assert.Empty(NotationLint.ItalicOperatorsIn(tex));
    }

    [Fact]
    public void Every_occurrence_is_reported()
    {
        var found = NotationLint.ItalicOperatorsIn(@"max(a) + min(b) + max(c)");

        Assert.Equal(["max", "min", "max"], found.Select(f => f.Text));
        Assert.Equal([0, 9, 18], found.Select(f => f.Start));
    }
}
