using AngleSharp.Html.Parser;
using Bookish.Checks.Parity;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Equations;

/// <summary>
/// Equations tagged with math, the way MathJax and LaTeX authors tag them (<c>\tag{$\star$}</c>, <c>\tag*{…}</c>,
/// a primed letter): the page's number and every reference read as the math (⋆, †, A′), never as its TeX; the PDF
/// prints the same, and the parity check agrees.
/// </summary>
public sealed class TaggedEquationTests(ITestOutputHelper output)
{
    private const string Document = """
        ---
        title: Marked equations
        toc: false
        ---

        # Two laws

        The first law, marked with a star as in the lecture notes:

        $$
        \nabla \cdot \mathbf{E} = \frac{\rho}{\varepsilon_0} \tag{$\star$} \label{eq:gauss}
        $$

        Its companion, marked with a dagger:

        \begin{equation}
        \nabla \cdot \mathbf{B} = 0 \tag{$\dagger$} \label{eq:nomono}
        \end{equation}

        A variant, written with its own parentheses:

        \begin{equation}
        \oint_{\partial S} \mathbf{E} \cdot d\boldsymbol{\ell} = -\frac{d\Phi_B}{dt} \tag*{(F$'$)} \label{eq:faraday}
        \end{equation}

        \begin{align}
        u &= v + w \tag{$\mathbf{x}_1$} \label{eq:bold} \\
        v &= 2w \label{eq:plain}
        \end{align}

        From \eqref{eq:gauss} and \eqref{eq:nomono}, with \ref{eq:faraday}, \eqref{eq:bold} and \eqref{eq:plain}, we conclude.
        """;

    [Fact(Timeout = 180_000)]
    public async Task Tagged_numbers_and_references_read_as_math_in_the_page_and_the_pdf()
    {
        var doc = Repo.WriteDocument(Document);
        var dir = Path.GetDirectoryName(doc)!;
        var r = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.DoesNotContain(r.Diagnostics, d => d.IsError);

        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "o", "index.html")));
        var displays = html.QuerySelectorAll("div.math.display").ToList();
        Assert.Equal(4, displays.Count);
        Assert.DoesNotContain(displays, d => d.ClassList.Contains("error"));
        Assert.Equal("(⋆)", displays[0].QuerySelector(".eqno")!.TextContent.Trim());
        Assert.Equal("(†)", displays[1].QuerySelector(".eqno")!.TextContent.Trim());
        Assert.Equal("(F′)", displays[2].QuerySelector(".eqno")!.TextContent.Trim());
        Assert.Equal(["(𝐱₁)", "(1)"], displays[3].QuerySelectorAll(".eqno-svg text, .eqno > span").Select(t => t.TextContent.Trim()));
        var refs = html.QuerySelectorAll("a.xref").Select(a => a.TextContent).ToList();
        Assert.Equal(["(⋆)", "(†)", "(F′)", "(𝐱₁)", "(1)"], refs);
        Assert.DoesNotContain(html.QuerySelectorAll(".eqno, a.xref"), e => e.TextContent.Contains('$') || e.TextContent.Contains('\\'));

        using (var pdf = PdfDocument.Open(r.PdfPath!))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            Assert.DoesNotContain("$", text);
            Assert.DoesNotContain("\\star", text);
            foreach (var glyph in new[] { "⋆", "†", "′" }) Assert.Contains(glyph, text);
        }

        var report = ParityChecker.Compare(Path.Combine(dir, "o"), r.PdfPath!);
        output.WriteLine(ParityFormatter.Text(report));
        Assert.True(report.Agree, ParityFormatter.Text(report));
    }
}
