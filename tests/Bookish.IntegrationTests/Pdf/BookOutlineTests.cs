using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Bookish.IntegrationTests.Pdf;

/// <summary>A book's chapters, parts and appendices with math in their titles: the PDF's outline reads them as Unicode.</summary>
public sealed class BookOutlineTests
{
    [Fact(Timeout = 180_000)]
    public async Task Chapter_part_and_appendix_titles_with_math_reach_the_book_outline_as_unicode()
    {
        var index = Repo.WriteDocument("""
            ---
            title: Notes on gradients
            chapters:
              - vectors.md
              - part: Calculus in $\mathbb{R}^n$
                chapters: [limits.md]
            appendices: [gamma.md]
            ---

            These notes collect what the course used.
            """, "index.md");
        var dir = Path.GetDirectoryName(index)!;
        File.WriteAllText(Path.Combine(dir, "vectors.md"), "# Chapter with $\\alpha$ and $\\mathbf{x}^T$\n\nA vector $\\mathbf{x} \\in \\mathbb{R}^n$ and a scale $\\alpha > 0$.\n\n## Norms of $\\mathbf{x}$\n\nThe length $\\|\\mathbf{x}\\|$.\n");
        File.WriteAllText(Path.Combine(dir, "limits.md"), "---\ntitle: Limits as $x \\to 0$\n---\n\nThe limit of $f(x)$ near zero.\n");
        File.WriteAllText(Path.Combine(dir, "gamma.md"), "# Values of $\\Gamma(n)$\n\nA short table would go here.\n");

        var r = await Publisher.BuildAsync(new BuildOptions(index) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.DoesNotContain(r.Diagnostics, d => d.IsError);

        using var pdf = PdfDocument.Open(r.PdfPath!);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots.Select(b => b.Title).ToList();
        Assert.Equal(["1 Chapter with α and xᵀ", "I Calculus in ℝⁿ", "A Values of Γ(n)"], roots);
        var part = bookmarks.Roots.Single(b => b.Title.StartsWith("I ", StringComparison.Ordinal));
        Assert.Equal(["2 Limits as x → 0"], part.Children.Select(c => c.Title));
        Assert.Contains("1.1 Norms of x", bookmarks.Roots[0].Children.Select(c => c.Title));
        Assert.DoesNotContain(All(bookmarks.Roots), b => b.Title.Contains('$') || b.Title.Contains('\\'));
        // The titles' math is typeset in the body, not printed as TeX.
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.DoesNotContain("$", text);
        Assert.DoesNotContain("mathbb", text);
    }

    private static IEnumerable<BookmarkNode> All(IEnumerable<BookmarkNode> nodes) => nodes.SelectMany(n => All(n.Children).Prepend(n));
}
