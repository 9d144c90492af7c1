using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading;
using Bookish.Text;

namespace Bookish.Tests;

internal static class TestDocuments
{
    public static Document Read(string markdown, string path = "doc.md")
    {
        var diagnostics = new DiagnosticBag();
        var doc = MarkdownReader.Read(new SourceText(path, markdown), diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToList()));
        return Numbering.Apply(doc);
    }
}
