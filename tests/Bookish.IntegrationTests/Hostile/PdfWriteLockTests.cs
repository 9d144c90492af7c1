using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// The PDF run opens no file for writing on a document's behalf: raw LaTeX's <c>\openout</c> (plain, through a macro,
/// or expl3's name) is refused at its line with TeX's words, the PDF is still written, and LaTeX's own files still
/// work: cross-references, the contents and hyperref's outline.
/// </summary>
public sealed partial class PdfWriteLockTests
{
    [GeneratedRegex(@"index\.md:(\d+):\d+: error (BK\d{4}): (.*)")] private static partial Regex DiagnosticLine();

    private const string Document = """
        ---
        title: Energy notes
        toc: true
        macros:
          sneakout: '\csname tex_openout:D\endcsname 4=pwnedtoo.tex \immediate\write4{x}'
          sneakplain: '\openout5=pwnedthree.tex \write5{x}'
        ---
        # Kinetic energy {#sec:kin}

        The energy is
        \begin{equation}
        E = \tfrac12 m v^2 \label{eq:kin}
        \end{equation}
        and @eq:kin holds in @sec:kin.

        ```{=latex}
        \immediate\openout3=pwned.tex \immediate\write3{\detokenize{\input{/etc/hostname}}}\immediate\closeout3
        ```

        # Potential energy

        Unlike \eqref{eq:kin}, this one sits in Zanzibar.

        ```{=latex}
        \sneakout
        ```

        ```{=latex}
        \sneakplain
        ```

        """;

    [Fact]
    public async Task Openout_in_raw_latex_is_refused_at_its_line_and_labels_contents_and_outline_still_work()
    {
        using var c = new HostileCase();
        c.Write("index.md", Document);
        var outcome = await c.BuildAsync("index.md");
        c.AssertContained(outcome);
        Assert.Equal(1, outcome.ExitCode);
        var errors = DiagnosticLine().Matches(outcome.StandardError).Select(m => (Line: int.Parse(m.Groups[1].Value), Id: m.Groups[2].Value, Text: m.Groups[3].Value)).ToList();
        // Written out, the early list refuses it; hidden in macros, TeX refuses it at the block.
        Assert.Contains(errors, e => e.Id == "BK2002" && e.Line == 16);
        Assert.Contains(errors, e => e.Id == "BK3001" && e.Line == 24 && e.Text.Contains("\\tex_openout:D is not allowed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Id == "BK3001" && e.Line == 28 && e.Text.Contains("\\openout is not allowed", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(c.Root, "pwned*.tex", SearchOption.AllDirectories));

        using var pdf = PdfDocument.Open(Directory.GetFiles(c.Output, "*.pdf").Single());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Zanzibar", text);
        Assert.Contains("Contents", text);
        Assert.Contains("(1)", text);             // \eqref and @eq:kin resolved through the .aux
        Assert.DoesNotContain("??", text);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Contains(bookmarks.Roots.Select(b => b.Title), t => t.Contains("Potential energy", StringComparison.Ordinal));
    }
}
