using Bookish.MathML;

namespace Bookish.Tests.MathML;

public sealed class MathMLSanitizerTests
{
    private const string Katex = """<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>+</mo><mn mathvariant="bold">1</mn></mrow><annotation encoding="application/x-tex">\frac{a}{b} + \vone</annotation></semantics></math></span>""";

    [Fact]
    public void KaTeX_output_keeps_its_structure_and_loses_the_wrapper_and_the_TeX_annotation()
    {
        var clean = MathMLSanitizer.Clean(Katex);

        Assert.Equal("""<math xmlns="http://www.w3.org/1998/Math/MathML"><mrow><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>+</mo><mn mathvariant="bold">1</mn></mrow></math>""", clean);
    }

    [Fact]
    public void Links_scripts_event_attributes_and_foreign_elements_are_dropped()
    {
        var clean = MathMLSanitizer.Clean("""<math xmlns="http://www.w3.org/1998/Math/MathML"><mi onclick="alert(1)" href="javascript:alert(1)" mathcolor="red">x</mi><maction actiontype="toggle"><mi>y</mi></maction><mi style="background:url(x)">z</mi></math>""");

        Assert.Equal("""<math xmlns="http://www.w3.org/1998/Math/MathML"><mi mathcolor="red">x</mi><mi>z</mi></math>""", clean);
    }

    [Fact]
    public void Markup_that_is_not_MathML_or_not_well_formed_gives_nothing()
    {
        Assert.Null(MathMLSanitizer.Clean("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</math>"));
        Assert.Null(MathMLSanitizer.Clean("<svg><script>alert(1)</script></svg>"));
        Assert.Null(MathMLSanitizer.Clean("<math><mi>x</mi></math>"));
        Assert.Null(MathMLSanitizer.Clean(""));
    }

    [Fact]
    public void Text_is_escaped_again_when_written()
    {
        var clean = MathMLSanitizer.Clean("""<math xmlns="http://www.w3.org/1998/Math/MathML"><mo>&lt;</mo><mtext>a &amp; b</mtext></math>""");

        Assert.Equal("""<math xmlns="http://www.w3.org/1998/Math/MathML"><mo>&lt;</mo><mtext>a &amp; b</mtext></math>""", clean);
    }

    [Fact]
    public void An_eqnarray_block_is_read_as_an_array_and_a_tabular_is_left_alone()
    {
        Assert.Equal(@"\begin{array}{rcl} a & = & b \\ c & = & d \end{array}", MathMLConverter.RawMath(@"\begin{eqnarray*} a & = & b \\ c & = & d \label{x}\end{eqnarray*}"));
        Assert.Equal(@"\begin{align*} a &= b \end{align*}", MathMLConverter.RawMath(@"\begin{align*} a &= b \end{align*}"));
        Assert.Null(MathMLConverter.RawMath(@"\begin{tabular}{c} x \end{tabular}"));
    }

    [Fact]
    public void The_authors_macros_become_KaTeX_definitions_with_their_arity()
    {
        var defs = MathMLConverter.MacroDefinitions("\\providecommand{\\vone}{}\\renewcommand{\\vone}{\\mathbf{1}}\n\\providecommand{\\norm}{}\\renewcommand{\\norm}[1]{\\left\\|#1\\right\\|}\n");

        Assert.Equal([@"\gdef\norm#1{\left\|#1\right\|}", @"\gdef\vone{\mathbf{1}}"], defs);
    }
}
