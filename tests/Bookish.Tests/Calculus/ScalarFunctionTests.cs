using Bookish.Calculus;
using Xunit;

namespace Bookish.Tests.Calculus;

public sealed class ScalarFunctionTests
{
    [Theory]
    [InlineData(@"\max(0, x)", -1.5, 0)]
    [InlineData(@"\max(0, x)", 2.5, 2.5)]
    [InlineData(@"\sigma(x)", 0, 0.5)]
    [InlineData(@"\frac{d}{dx}\sigma(x)", 0, 0.25)]
    [InlineData(@"x^2 + 1", 3, 10)]
    public void Plot_functions_evaluate_like_the_checker(string latex, double x, double expected)
    {
        var f = DerivativeChecker.CompileScalarFunction(latex, "x", CheckContext.Default, out var error);

        Assert.Null(error);
        Assert.Equal(expected, f!(x), 8);
    }

    [Fact]
    public void Plot_functions_see_the_documents_definitions()
    {
        var context = CheckContext.Default.WithDefinitions(@"\sigma(z) = \tanh(z)");

        var f = DerivativeChecker.CompileScalarFunction(@"\sigma(x)", "x", context, out _);

        Assert.Equal(Math.Tanh(0.7), f!(0.7), 12);
    }

    [Fact]
    public void Plot_functions_outside_their_domain_give_NaN()
    {
        var f = DerivativeChecker.CompileScalarFunction(@"\ln x", "x", CheckContext.Default, out _);

        Assert.True(double.IsNaN(f!(-1)));
    }

    [Fact]
    public void Unknown_symbols_give_an_error_instead_of_a_function()
    {
        var f = DerivativeChecker.CompileScalarFunction(@"x + q", "x", CheckContext.Default, out var error);

        Assert.Null(f);
        Assert.Contains("undeclared symbol 'q'", error);
    }
}
