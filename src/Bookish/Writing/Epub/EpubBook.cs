namespace Bookish.Writing.Epub;

/// <summary>One XHTML content document of the book, in reading order.</summary>
internal sealed record EpubDocument(string Name, string Title, string Xhtml, bool HasSvg)
{
    /// <summary>EPUB 3 structural semantics for the landmarks (<c>titlepage</c>, <c>bodymatter</c>), or null.</summary>
    public string? Landmark { get; init; }
}

/// <summary>An entry of the navigation document: a title, where it leads, and the entries below it.</summary>
internal sealed record EpubNavEntry(string Title, string Href, IReadOnlyList<EpubNavEntry> Children);

/// <summary>A file the content documents use (an image, the style sheet), by its name in the book.</summary>
internal sealed record EpubResource(string Name, string MediaType, byte[] Bytes);

/// <summary>
/// Everything one EPUB holds, decided by the stage: metadata, pages in reading order (the navigation document goes
/// after the first <see cref="NavAfter"/> of them), the contents tree, images and style sheet, and the cover picture.
/// </summary>
internal sealed record EpubBook(EpubMetadata Metadata, IReadOnlyList<EpubDocument> Pages, IReadOnlyList<EpubNavEntry> Contents, IReadOnlyList<EpubResource> Resources)
{
    public int NavAfter { get; init; }
    public EpubResource? Cover { get; init; }
    public string StyleSheet { get; init; } = "epub.css";
}
