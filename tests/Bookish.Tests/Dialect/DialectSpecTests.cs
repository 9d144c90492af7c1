using System.Text.RegularExpressions;
using Bookish.Writing.Markdown;
using Xunit;

namespace Bookish.Tests.Dialect;

/// <summary>Runs the examples of <c>Specs/DialectSpecs.md</c>: dialect in, Markdown (as <c>convert</c> writes it) out.</summary>
public sealed partial class DialectSpecTests
{
    

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bookish.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    [GeneratedRegex(@"^## (?<name>.+?)\n+````dialect\n(?<input>.*?)\n````\n+````markdown\n(?<output>.*?)\n````$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Example();

    private static Dictionary<string, (string Input, string Output)> Examples() =>
        Example().Matches(File.ReadAllText(Path.Combine(RepoRoot(), "tests", "Bookish.Tests", "Dialect", "Specs", "DialectSpecs.md")).Replace("\r", ""))
            .ToDictionary(m => m.Groups["name"].Value, m => (m.Groups["input"].Value, m.Groups["output"].Value));

    public static TheoryData<string> Names => new(Examples().Keys);

    [Fact]
    public void The_spec_file_has_examples() => Assert.True(Examples().Count >= 10);

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_converts_as_specified(string name)
    {
        var (input, expected) = Examples()[name];
        var (publication, diagnostics) = DialectFixture.ReadChapter("<chapter title=\"T\">\n\n" + input + "\n");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var actual = MarkdownWriter.WriteBlocks(publication.Pages[0].Blocks);
        Assert.Equal(expected.Trim(), actual.Trim());
    }
}
