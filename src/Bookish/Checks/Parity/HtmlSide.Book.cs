using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Bookish.Checks.Parity;

/// <summary>
/// A book: the index page and every chapter page, read in order as one stream, so that each chapter page is compared
/// with its part of the one PDF. A chapter page's title is the PDF's "Chapter n" heading; the contents lists are left
/// out on both sides (the page lists one chapter, the PDF the whole book); the chapters' reference lists are the PDF's
/// one list at the end of the book.
/// </summary>
internal sealed partial class HtmlSide
{
    private bool _book;
    private string? _folder;
    private readonly List<IElement> _bookReferences = [];

    public bool IsBook => _book;

    /// <param name="pages">The index page first, then the chapters in reading order.</param>
    public static HtmlSide ReadBook(IReadOnlyList<IHtmlDocument> pages, string folder)
    {
        var side = new HtmlSide { _book = true, _folder = folder };
        for (var i = 0; i < pages.Count; i++) side.ReadPage(pages[i], i);
        side.BookReferences();
        return side;
    }

    /// <summary>The chapter pages of a book, from its index page's contents: local pages that exist beside it, in order.</summary>
    public static List<string> ChapterFiles(IHtmlDocument index, string folder)
    {
        var files = new List<string>();
        foreach (var a in index.QuerySelectorAll("nav.toc a[href]"))
        {
            var href = a.GetAttribute("href")!;
            if (href.Contains('#') || href.Contains("://", StringComparison.Ordinal) || !href.EndsWith(".html", StringComparison.OrdinalIgnoreCase)) continue;
            var path = Path.Combine(folder, Uri.UnescapeDataString(href));
            if (File.Exists(path) && !files.Contains(path) && Path.GetFileName(path) != "index.html") files.Add(path);
        }
        return files;
    }

    private void ChapterTitle(IHtmlDocument doc, IElement header, int chapter)
    {
        var title = WordNormalizer.Clean(header.QuerySelector("h1")?.TextContent ?? "").Trim();
        var first = doc.QuerySelector("[data-src]")?.GetAttribute("data-src");
        var file = first is null ? null : first.Contains(':') ? first[..first.LastIndexOf(':')] + ":1" : first;
        // "Chapter 2" or "Appendix A" as the page labels it (the PDF's \chapter heading), after "Part I Foundations"
        // when the chapter opens a part (the PDF's part page).
        var name = WordNormalizer.Clean(header.QuerySelector(".chapter-label")?.TextContent ?? "").Trim();
        if (name.Length == 0) name = $"Chapter {chapter}";
        var number = name[(name.LastIndexOf(' ') + 1)..];
        var part = WordNormalizer.Clean(header.QuerySelector(".part-label")?.TextContent ?? "").Trim();
        _section = $"{name}: {title}";
        var b = NewBuilder(UnitKind.Heading, Body, "", null);
        b.SourceOverride = file;
        b.Text((part.Length > 0 ? part + " " : "") + $"{name} {title}");
        b.Flush();
        Headings.Add(new HtmlHeading(1, number, string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries)), Units.Count - 1));
    }

    /// <summary>The reference lists of all chapters as the one list the PDF prints at the end, each entry once.</summary>
    private void BookReferences()
    {
        if (_bookReferences.Count == 0) return;
        _block++;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        foreach (var section in _bookReferences)
        {
            foreach (var child in section.Children)
            {
                if (child.LocalName is "h2" or "h3")
                {
                    if (!first) continue;
                    var hb = NewBuilder(UnitKind.Paragraph, Body);
                    Walk(child, hb);
                    hb.Flush();
                    continue;
                }
                foreach (var li in child.LocalName == "li" ? [child] : child.QuerySelectorAll("li").ToArray())
                {
                    if (!seen.Add(WordNormalizer.Clean(li.TextContent).Trim())) continue;
                    var b = NewBuilder(UnitKind.Reference, Body, "", li);
                    Walk(li, b);
                    b.Flush();
                }
            }
            first = false;
        }
    }
}
