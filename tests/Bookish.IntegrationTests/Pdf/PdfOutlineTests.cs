using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Bookish.IntegrationTests.Pdf;

/// <summary>The PDF's outline (bookmarks) reads as the page's headings, characters drawn from fallback fonts included.</summary>
public sealed class PdfOutlineTests
{
    private static IEnumerable<BookmarkNode> All(IEnumerable<BookmarkNode> nodes) => nodes.SelectMany(n => All(n.Children).Prepend(n));

    [Fact]
    public async Task CJK_and_emoji_in_headings_stay_in_the_outline()
    {
        var doc = Repo.WriteDocument("---\ntitle: Travel notes\ntoc: false\n---\n\n# Meeting 张伟 in Tokyo 🎉\n\nWe met at the station.\n\n## 山田花子's café\n\nTea, then trains.\n");
        var dir = Path.GetDirectoryName(doc)!;
        var r = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        using var pdf = PdfDocument.Open(r.PdfPath!);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var titles = All(bookmarks.Roots).Select(b => b.Title).ToList();
        Assert.Contains("1 Meeting 张伟 in Tokyo 🎉", titles);
        Assert.Contains("1.1 山田花子's café", titles);
        // The body still draws them (as text PdfPig extracts), not the outline's string.
        Assert.Contains("张伟", string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)));
    }

    [Fact]
    public async Task Math_in_headings_reaches_the_outline_as_unicode()
    {
        var doc = Repo.WriteDocument("---\ntitle: Gradients\ntoc: false\n---\n\n# Why $\\alpha$ matters\n\nStep sizes.\n\n## The gradient $\\nabla f$ of $x^2 + y_1$\n\nSlopes.\n\n## Weights $\\mathbf{W}^T$ and $\\ensuremath{\\beta}$\n\nMore.\n");
        var dir = Path.GetDirectoryName(doc)!;
        var r = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        using var pdf = PdfDocument.Open(r.PdfPath!);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var titles = All(bookmarks.Roots).Select(b => b.Title).ToList();
        Assert.Contains("1 Why α matters", titles);
        Assert.Contains("1.1 The gradient ∇f of x² + y₁", titles);
        Assert.Contains("1.2 Weights Wᵀ and β", titles);
    }
}
