using Bookish.Model;

namespace Bookish.Books;

/// <summary>
/// A chapter without a front matter title is titled by its first heading: when that heading is the only one at the
/// chapter's top level, it becomes the chapter's title (and its label the chapter's label) and leaves the body, so the
/// page, the contents, the navigation and the PDF's <c>\chapter</c> show it once and the chapter's sections are
/// numbered 2.1, 2.2 below it, as a book's are.
/// </summary>
internal static class ChapterTitle
{
    public static Document Promote(Document chapter)
    {
        if (chapter.Metadata.Title.Length > 0) return chapter;
        var index = chapter.Blocks.IndexOf(chapter.Blocks.FirstOrDefault(b => b is Heading)!);
        if (index < 0 || chapter.Blocks[index] is not Heading first) return chapter;
        var top = Presentation.TopHeadingLevel(chapter);
        if (first.Level != top || chapter.Blocks.OfType<Heading>().Count(h => h.Level == top) != 1) return chapter;
        // Only what stands before the heading may be dropped with it if it is nothing (the heading is the first block).
        if (index != 0) return chapter;
        var title = Presentation.PlainText(first.Content).Trim();
        if (title.Length == 0) return chapter;
        return chapter with
        {
            Metadata = chapter.Metadata with { Title = title, TitleContent = first.Content },
            Blocks = chapter.Blocks.RemoveAt(index),
            Label = chapter.Label ?? first.Label,
        };
    }
}
