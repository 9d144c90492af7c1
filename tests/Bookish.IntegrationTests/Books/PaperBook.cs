using System.Text;
using Bookish.IntegrationTests.Support;
using Bookish.Writing.Markdown;

namespace Bookish.IntegrationTests.Books;

/// <summary>
/// The matrix calculus paper made into a book at run time (nothing of it is stored in the repository): the corpus
/// article converted to Markdown, each top-level section a chapter file, the last three (reference, notation,
/// resources) appendices, the front matter and the opening kept on the index page.
/// </summary>
internal static class PaperBook
{
    public static string Generate()
    {
        var dir = Repo.TempDirectory("bookish-paperbook-");
        var converted = Path.Combine(dir, "converted");
        MarkdownConversion.Convert(Repo.Corpus("matrix-calculus", "article.xml"), converted);
        var book = Path.Combine(dir, "book");
        CopyTree(converted, book);
        var lines = File.ReadAllLines(Path.Combine(converted, "index.md"));
        var frontEnd = Array.IndexOf(lines, "---", 1);
        var starts = Enumerable.Range(frontEnd + 1, lines.Length - frontEnd - 1).Where(i => lines[i].StartsWith("## ", StringComparison.Ordinal)).ToList();
        var files = new List<string>();
        for (var c = 0; c < starts.Count; c++)
        {
            var end = c + 1 < starts.Count ? starts[c + 1] : lines.Length;
            var name = $"section-{c + 1:00}.md";
            File.WriteAllLines(Path.Combine(book, name), lines[starts[c]..end]);
            files.Add(name);
        }
        var chapters = files.Take(files.Count - 3).ToList();
        var appendices = files.Skip(files.Count - 3).ToList();
        var index = new StringBuilder();
        foreach (var line in lines[..frontEnd]) index.AppendLine(line);
        index.AppendLine($"chapters: [{string.Join(", ", chapters)}]");
        index.AppendLine($"appendices: [{string.Join(", ", appendices)}]");
        index.AppendLine("---");
        foreach (var line in lines[(frontEnd + 1)..starts[0]]) index.AppendLine(line);
        File.WriteAllText(Path.Combine(book, "index.md"), index.ToString());
        return book;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
