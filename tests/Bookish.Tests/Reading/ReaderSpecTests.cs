using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Reading;
using Bookish.Text;

namespace Bookish.Tests.Reading;

public sealed partial class ReaderSpecTests
{
    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "ReaderSpecs.md"));
        var title = "";
        string? markdown = null;
        foreach (Match m in Block().Matches(text))
        {
            if (m.Groups["title"].Success) { title = m.Groups["title"].Value.Trim(); continue; }
            if (m.Groups["kind"].Value == "markdown") markdown = m.Groups["body"].Value;
            else if (markdown is not null) { data.Add(title, markdown, m.Groups["body"].Value.TrimEnd()); markdown = null; }
        }
        return data;
    }

    // A ```markdown block may contain ``` fences of its own: it ends at a ``` line followed by a blank line and ```model.
    [GeneratedRegex(@"^## (?<title>[^\n]+)$|^```(?<kind>markdown|model)\n(?<body>.*?)\n```\n(?=\n|$)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();

    [Fact]
    public void Spec_file_has_examples() => Assert.True(Examples().Count >= 15);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Markdown_reads_into_the_expected_model(string title, string markdown, string expected)
    {
        var diagnostics = new DiagnosticBag();
        var doc = MarkdownReader.Read(new SourceText("spec.md", markdown), diagnostics);
        Assert.False(diagnostics.HasErrors, title + ": " + string.Join("\n", diagnostics.ToList()));
        Assert.Equal(expected.Replace("\r", ""), ModelDump.Dump(doc.Blocks));
    }
}
