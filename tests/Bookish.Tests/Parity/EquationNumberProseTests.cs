using AngleSharp.Html.Parser;
using Bookish.Checks.Parity;

namespace Bookish.Tests.Parity;

/// <summary>
/// An equation's number "(3.1)" printed just above the section "3.1" (a book numbers both by chapter) must stay an
/// equation number: the prose diff may pair the HTML's "3.1" and "(3.1)" only with the PDF's heading and reference.
/// </summary>
public sealed class EquationNumberProseTests
{
    private static PdfWord Word(string text, int line) =>
        new(text, WordNormalizer.Key(WordNormalizer.Clean(text)), 1, 72, 100, 700 - 12 * line, 10) { Line = line };

    [Fact]
    public void A_section_number_under_an_equation_of_the_same_number_does_not_claim_the_equation_number()
    {
        const string page = """
            <html><body><article class="body">
            <p>Descent walks downhill in steps of size:</p>
            <div class="math display" id="eq:step" data-eqno="3.1">\theta_{k+1} = \theta_k - \eta g</div>
            <h2 id="sec:choosing"><span class="secnum">3.1</span> Choosing the step</h2>
            <p>Too large overshoots, and (3.1) converges for small steps.</p>
            </article></body></html>
            """;
        var html = HtmlSide.Read(new HtmlParser().ParseDocument(page));
        string[] printed = ["Descent", "walks", "downhill", "in", "steps", "of", "size:", "(3.1)", "3.1", "Choosing", "the", "step",
            "Too", "large", "overshoots,", "and", "(3.1)", "converges", "for", "small", "steps."];
        var pdf = printed.Select((t, i) => Word(t, i)).ToList();
        var prose = new ProseComparer(html, html.Body, pdf, "page");

        var differences = prose.Compare();

        Assert.Empty(differences);
        Assert.DoesNotContain(7, prose.MatchedPdf); // the equation's number is left for the equation check
        Assert.Contains(8, prose.MatchedPdf);       // the heading's number
        Assert.Contains(16, prose.MatchedPdf);      // the reference in the prose
    }

    [Theory]
    [InlineData("(3.1)", "(3.1)")]
    [InlineData("(3.1),", "(3.1)")]
    [InlineData("3.1", "3.1")]
    [InlineData("(2018)", "(2018)")]
    [InlineData("(see", "see")]
    [InlineData("(a)", "a")]
    public void Equation_numbers_keep_their_parentheses_in_the_key(string word, string key) =>
        Assert.Equal(key, WordNormalizer.Key(WordNormalizer.Clean(word)));
}
