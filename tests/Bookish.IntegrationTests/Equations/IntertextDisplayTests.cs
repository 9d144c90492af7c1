using System.Globalization;
using AngleSharp.Html.Parser;
using Bookish.Checks.Parity;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Equations;

/// <summary>
/// \intertext and \shortintertext between the rows of a display, written the ways MathJax and LaTeX authors write them:
/// the page shows the text line at the measure between the rows with the numbers on their rows, the PDF is LaTeX's own,
/// and the two agree.
/// </summary>
public sealed class IntertextDisplayTests(ITestOutputHelper output)
{
    private const string Document = """
        ---
        title: Completing the square
        toc: false
        ---

        # Expanding

        We start from the definition and rearrange it.

        $$
        \begin{align}
        f(x) &= (x+1)^2 \\
        \intertext{and expanding the square gives}
        f(x) &= x^2 + 2x + 1 \label{eq:expanded} \\
             &= x(x+2) + 1
        \end{align}
        $$

        A MathJax habit, with no row break before the text line:

        \[
        \begin{aligned}
        a &= b + c \shortintertext{so}
        a - c &= b
        \end{aligned}
        \]

        Equation \eqref{eq:expanded} is the one we use below.
        """;

    private static double WidthEm(AngleSharp.Dom.IElement svg) =>
        double.Parse(System.Text.RegularExpressions.Regex.Match(svg.GetAttribute("style") ?? "", @"width:([0-9.]+)em").Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact(Timeout = 180_000)]
    public async Task Text_lines_sit_between_the_rows_in_the_page_and_the_pdf_and_numbers_stay_on_their_rows()
    {
        var doc = Repo.WriteDocument(Document);
        var dir = Path.GetDirectoryName(doc)!;
        var r = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.DoesNotContain(r.Diagnostics, d => d.IsError);

        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "o", "index.html")));
        var displays = html.QuerySelectorAll("div.math.display").ToList();
        Assert.Equal(2, displays.Count);
        // The numbered align: three numbers, each set on its row (the row markers were found), none failed.
        Assert.Equal("1,2,3", displays[0].GetAttribute("data-eqno"));
        Assert.Contains("rows", displays[0].ClassList);
        Assert.Equal(3, displays[0].QuerySelectorAll(".eqno-svg text").Length);
        Assert.Equal("eq:expanded", html.QuerySelector("a.xref[href='#eq:expanded']") is { } x ? x.GetAttribute("href")![1..] : "");
        // Typeset at the measure: the numbered one leaves room for its numbers.
        Assert.Equal(24, WidthEm(displays[0].QuerySelector(".math-image svg")!), 2);
        Assert.Equal(28, WidthEm(displays[1].QuerySelector(".math-image svg")!), 2);
        Assert.DoesNotContain(displays, d => d.ClassList.Contains("error"));

        using var pdf = PdfDocument.Open(r.PdfPath!);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("expanding", words);
        Assert.Contains("so", words);
        foreach (var n in new[] { "(1)", "(2)", "(3)" }) Assert.Contains(n, words);

        var report = ParityChecker.Compare(Path.Combine(dir, "o"), r.PdfPath!);
        output.WriteLine(ParityFormatter.Text(report));
        Assert.True(report.Agree, ParityFormatter.Text(report));
    }
}
