namespace Bookish.Model;

/// <summary>
/// Where a page stands in a book: its printed number ("2", or "A" for an appendix), whether it is an appendix, and the
/// part it opens or belongs to (<c>chapters: [{part: Title, chapters: [...]}]</c>).
/// </summary>
internal sealed record ChapterInfo(string Number, bool Appendix, string? Part)
{
    /// <summary>This chapter is the first of its part (the PDF writes <c>\part</c> before it, the sidebar a part heading).</summary>
    public bool OpensPart { get; init; }
    /// <summary>This chapter is the first appendix (the PDF writes <c>\appendix</c> before it).</summary>
    public bool OpensAppendices { get; init; }
    /// <summary>"Chapter 2", "Appendix A": how the page and the PDF name the chapter.</summary>
    public string Name => (Appendix ? "Appendix " : "Chapter ") + Number;
    /// <summary>The part's number as LaTeX's <c>\part</c> prints it ("I", "II"), when the chapter is in a part.</summary>
    public string PartNumber { get; init; } = "";
}
