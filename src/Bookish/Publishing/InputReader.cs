using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;
using Bookish.Security;
using Bookish.Text;
using YamlDotNet.Serialization;

namespace Bookish.Publishing;

/// <summary>Chooses the reader for an input path: a Markdown file, a folder (index.md, chapters), or a bookish XML root.</summary>
internal static class InputReader
{
    public static string NameOf(string input)
    {
        var full = Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar);
        if (Directory.Exists(full)) return Path.GetFileName(full);
        var stem = Path.GetFileNameWithoutExtension(full);
        return stem is "index" or "article" or "book" or "README" ? Path.GetFileName(Path.GetDirectoryName(full)!) : stem;
    }

    /// <param name="root">The project root every file must lie in (links followed); default: the input's folder.</param>
    public static Publication? Read(string input, DiagnosticBag diagnostics, ProjectRoot? root = null) =>
        ReadOrRefuse(input, diagnostics, root ?? ProjectRoot.ForInput(input)).Publication;

    /// <summary>The publication, or null with <c>Unusable</c> set when the input itself is not there (nothing names a document).</summary>
    internal static (Publication? Publication, bool Unusable) ReadOrRefuse(string input, DiagnosticBag diagnostics, ProjectRoot root)
    {
        var unusable = false;
        var publication = ReadInside(input, diagnostics, root, () => unusable = true);
        return (publication is null ? null : Books.BookOutline.Number(publication with { Pages = [.. publication.Pages.Select(p => p with { ProjectRoot = root.Path })] }), unusable);
    }

    private static Publication? ReadInside(string input, DiagnosticBag diagnostics, ProjectRoot root, Action notFound)
    {
        var name = NameOf(input);
        // A file of the project: inside the root once links are followed (an index.md linking to /proc/self/environ is not).
        bool Inside(string path)
        {
            var resolved = root.Resolve(path);
            if (resolved.Status is PathStatus.Outside or PathStatus.Invalid)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathOutsideProject, SourceSpan.At(path, 0, 0), resolved.Explain("input")));
                return false;
            }
            return true;
        }
        if (Directory.Exists(input))
        {
            var index = Path.Combine(input, "index.md");
            var bookYml = Path.Combine(input, "bookish.yml");
            if (!File.Exists(index) && !File.Exists(bookYml))
            {
                // A folder in the original bookish layout: its book.xml or article.xml is the root.
                foreach (var file in new[] { "book.xml", "article.xml" })
                    if (File.Exists(Path.Combine(input, file))) return Inside(Path.Combine(input, file)) ? LegacyDialect.Read(Path.Combine(input, file), diagnostics, root) : null;
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InputNotFound, SourceSpan.At(input, 0, 0), "the folder holds none of index.md, bookish.yml, book.xml, article.xml"));
                notFound();
                return null;
            }
            if ((File.Exists(index) && !Inside(index)) || (File.Exists(bookYml) && !Inside(bookYml))) return null;
            return ReadMarkdownBook(input, File.Exists(index) ? index : null, File.Exists(bookYml) ? bookYml : null, name, root, diagnostics);
        }
        if (!File.Exists(input))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InputNotFound, SourceSpan.At(input, 0, 0), "input file not found"));
            notFound();
            return null;
        }
        if (!Inside(input)) return null;
        var ext = Path.GetExtension(input).ToLowerInvariant();
        if (ext is ".xml" or ".json" || (ext == ".md" && LegacyDialect.LooksLegacy(input)))
            return LegacyDialect.Read(input, diagnostics, root);
        return ReadMarkdownBook(Path.GetDirectoryName(Path.GetFullPath(input))!, input, null, name, root, diagnostics);
    }

    private static Publication ReadMarkdownBook(string folder, string? indexPath, string? bookYml, string name, ProjectRoot root, DiagnosticBag diagnostics)
    {
        var pages = ImmutableArray.CreateBuilder<Document>();
        Document? index = null;
        if (indexPath is not null)
        {
            index = MarkdownReader.ReadFile(indexPath, diagnostics) with { PageName = "index" };
            pages.Add(index);
        }
        var chapters = new List<Books.OutlineEntry>();
        if (index is not null) chapters.AddRange(Books.BookOutline.Read(index.Metadata));
        Metadata? bookMeta = null;
        if (bookYml is not null)
        {
            var yaml = File.ReadAllText(bookYml);
            var meta = MarkdownReader.Read(new SourceText(bookYml, "---\n" + yaml + "\n---\n"), diagnostics).Metadata;
            bookMeta = meta;
            chapters.AddRange(Books.BookOutline.Read(meta));
            if (index is null) pages.Add(new Document(meta, [], bookYml) { PageName = "index" });
        }
        foreach (var entry in chapters.Where(c => c.File.Length > 0))
        {
            var chapter = entry.File;
            var listedIn = indexPath ?? bookYml ?? folder;
            var resolved = root.Resolve(folder, chapter);
            if (resolved.Status is PathStatus.Outside or PathStatus.Invalid)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathOutsideProject, SourceLocator.Locate(listedIn, "chapters", chapter), resolved.Explain("chapter file")));
                continue;
            }
            var path = Path.Combine(folder, chapter);
            if (!File.Exists(resolved.RealPath))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingChapter, SourceLocator.Locate(listedIn, "chapters", chapter), $"chapter file '{chapter}' not found"));
                continue;
            }
            var doc = MarkdownReader.Read(new SourceText(path, File.ReadAllText(resolved.RealPath)), diagnostics);
            pages.Add(Books.ChapterTitle.Promote(doc) with { PageName = Path.GetFileNameWithoutExtension(chapter), Chapter = new ChapterInfo("", entry.Appendix, entry.Part) });
        }
        var metadata = bookMeta ?? index?.Metadata ?? new Metadata();
        var isBook = chapters.Count > 0;
        // Chapters share the book's macros so that one preamble serves every page.
        var macros = pages.SelectMany(p => p.Metadata.Macros).GroupBy(m => m.Name).Select(g => g.Last()).ToImmutableArray();
        metadata = metadata with { Macros = macros };
        return new Publication(metadata, pages.ToImmutable(), isBook, name);
    }
}
