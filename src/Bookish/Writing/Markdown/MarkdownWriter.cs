using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Writing.Markdown;

/// <summary>
/// Writes the document model as Markdown-with-math that <see cref="Reading.MarkdownReader"/> reads back: YAML front
/// matter, <c>$…$</c> and <c>$$…$$</c> math, <c>{#label}</c> headings, footnotes (<c>[^side-n]</c> for side notes), pipe
/// tables, <c>:::</c> asides and fenced raw blocks. Raw LaTeX blocks (rendered as images) are fenced <c>texblock</c> blocks.
/// </summary>
internal static class MarkdownWriter
{
    /// <summary>Front matter from the page's metadata, then its body, then its notes.</summary>
    public static string Write(Document document) => Write(document, []);

    private static string Write(Document document, IReadOnlyList<string> chapters)
    {
        var emitter = new MarkdownEmitter();
        var body = emitter.Blocks(document.Blocks);
        var notes = emitter.NoteDefinitions();
        var front = FrontMatter.Write(document.Metadata, document.Label, chapters);
        var parts = new[] { front, body, notes }.Where(p => p.Length > 0);
        return string.Join("\n\n", parts).TrimEnd() + "\n";
    }

    /// <summary>
    /// One Markdown file per page: <c>(file name, text)</c>. A book's <c>index.md</c> lists its chapters in the
    /// <c>chapters</c> front matter key, so the folder builds as the same book.
    /// </summary>
    public static ImmutableArray<(string FileName, string Text)> Write(Publication publication)
    {
        var chapters = publication.IsBook
            ? publication.Pages.Where(p => p.PageName != "index").Select(p => p.PageName + ".md").ToList()
            : [];
        return publication.Pages.Select(p => (p.PageName + ".md", Write(p, p.PageName == "index" ? chapters : []))).ToImmutableArray();
    }

    /// <summary>Blocks alone (no front matter), notes appended as definitions.</summary>
    internal static string WriteBlocks(ImmutableArray<Block> blocks)
    {
        var emitter = new MarkdownEmitter();
        var body = emitter.Blocks(blocks);
        var notes = emitter.NoteDefinitions();
        return notes.Length == 0 ? body : body + "\n\n" + notes;
    }
}
