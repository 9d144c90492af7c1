using System.Collections.Immutable;

namespace Bookish.Model;

/// <summary>One page of output: an article, or one chapter of a book.</summary>
internal sealed record Document(Metadata Metadata, ImmutableArray<Block> Blocks, string SourcePath)
{
    /// <summary>The output page name without extension ("index" for an article).</summary>
    public string PageName { get; init; } = "index";
    /// <summary>Label of the page itself (a legacy chapter's label), so references can point at the page.</summary>
    public string? Label { get; init; }
    /// <summary>Labels to numbers and anchors, filled by <see cref="Numbering"/>.</summary>
    public LabelTable Labels { get; init; } = LabelTable.Empty;
    /// <summary>Folder that relative paths (images, bibliography) resolve against.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(SourcePath)) ?? ".";
    /// <summary>Real path of the project root that every file this page names must lie in (null: <see cref="BaseDirectory"/>).</summary>
    public string? ProjectRoot { get; init; }
    /// <summary>For a book's chapter: its number, appendix and part (null for an article or a book's index page).</summary>
    public ChapterInfo? Chapter { get; init; }
}

/// <summary>What a build reads: one document (article) or several chapters (book) with shared metadata.</summary>
internal sealed record Publication(Metadata Metadata, ImmutableArray<Document> Pages, bool IsBook, string Name);
