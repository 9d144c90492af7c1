using Xunit;
using System.Text.RegularExpressions;
using Bookish.Checks.Parity;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

/// <summary>
/// A title of one letter ("X", as <c>bookish new article x</c> gives) stands alone on the PDF's top line. It reads like
/// a Roman page number and was dropped from the PDF side as page furniture, so the title was reported missing.
/// </summary>
public sealed class Parity_short_title_tests(ITestOutputHelper output)
{
    private static string Document(string title) => $$"""
        ---
        title: "{{title}}"
        subtitle: Notes on one variable
        ---

        # Least squares

        We look for the vector $\mathbf{x}$ that makes the residual $A\mathbf{x} - b$ small, so we minimise

        \begin{equation}
        f(\mathbf{x}) = \tfrac{1}{2}\lVert A\mathbf{x} - b\rVert^2 \label{eq:ls}
        \end{equation}

        and set its gradient $\nabla f(\mathbf{x}) = A^\top (A\mathbf{x} - b)$ to zero. Equation \eqref{eq:ls} is convex, so X marks the spot.

        ## Why it works

        The normal equations $A^\top A \mathbf{x} = A^\top b$ have one solution when $A$ has full column rank.
        """;

    private static async Task<ParityBuild.Output> BuildAsync(string title, string name, Func<string, string>? texFault = null)
    {
        var dir = Path.Combine(Repo.Scratch, "short-title-" + name);
        Directory.CreateDirectory(dir);
        var input = Path.Combine(dir, "index.md");
        await File.WriteAllTextAsync(input, Document(title).Replace("\r\n", "\n"));
        return await ParityBuild.BuildAsync(input, Path.Combine(dir, "out"), [], texFault);
    }

    [Theory]
    [InlineData("X")]
    [InlineData("V")]
    [InlineData("IV")]
    [InlineData("x")]
    public async Task A_title_that_looks_like_a_page_number_or_a_variable_is_found_on_both_sides(string title)
    {
        var built = await BuildAsync(title, "agree-" + title + (char.IsUpper(title[0]) ? "-upper" : "-lower"));
        ParityAssert.Agree(ParityChecker.Compare(built.HtmlPath, built.PdfPath), output);
    }

    [Fact]
    public async Task An_equation_dropped_from_the_PDF_of_a_one_letter_title_document_is_still_found()
    {
        var built = await BuildAsync("X", "dropped-equation",
            tex => Regex.Replace(tex, @"\\hypertarget\{eq:ls\}\{\}%\n\\begin\{equation\}.*?\\end\{equation\}\n", "", RegexOptions.Singleline));
        var report = ParityChecker.Compare(built.HtmlPath, built.PdfPath);
        ParityAssert.Found(report, ParityKind.Equation, d => d.Html == "eq:ls" && d.Message.Contains("missing"), output);
        Assert.DoesNotContain(report.Differences, d => d.Kind == ParityKind.Prose && d.Message.Contains("title block"));
    }
}
