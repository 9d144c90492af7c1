using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;

namespace Bookish.Tests.Dialect;

/// <summary>Writes a small root + chapter to a private temporary folder and reads it.</summary>
internal static class DialectFixture
{
    public static (Publication Publication, List<Diagnostic> Diagnostics) ReadChapter(string chapter, string rootExtra = "", string chapterFile = "c.xml")
    {
        var dir = Path.Combine(Path.GetTempPath(), "bookish-dialect-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "article.xml"), $"<article>\n<include file=\"{chapterFile}\">\n{rootExtra}\n");
            File.WriteAllText(Path.Combine(dir, chapterFile), chapter);
            var diagnostics = new DiagnosticBag();
            var publication = BookishXmlReader.Read(Path.Combine(dir, "article.xml"), diagnostics);
            return (publication, diagnostics.ToList().ToList());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
