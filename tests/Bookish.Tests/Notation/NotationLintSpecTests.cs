using System.Text.RegularExpressions;
using Bookish.Notation;

namespace Bookish.Tests.Notation;

/// <summary>Runs every example of <c>NotationLintSpecs.md</c>: a Markdown document and the diagnostics it gets.</summary>
public partial class NotationLintSpecTests
{
    [GeneratedRegex(@"^## (?<name>.+?)\n.*?^~~~ markdown\n(?<md>.*?)^~~~\n.*?^~~~ diagnostics\n(?<expected>.*?)^~~~$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Example();

    private static string SpecPath() => Path.Combine(NotationTestKit.RepoRoot(), "tests", "Bookish.Tests", "Notation", "NotationLintSpecs.md");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (Match m in Example().Matches(File.ReadAllText(SpecPath()).ReplaceLineEndings("\n")))
            data.Add(m.Groups["name"].Value);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Notation_lint_spec(string name)
    {
        var m = Example().Matches(File.ReadAllText(SpecPath()).ReplaceLineEndings("\n")).Single(x => x.Groups["name"].Value == name);
        var expected = m.Groups["expected"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var p = NotationTestKit.Read(m.Groups["md"].Value);
        var actual = NotationLint.Run(p.Document, p.Notation, p.Options, p.Source)
            .Select(d => $"{d.Id} {d.Span.Line}:{d.Span.Column}" + (d.Replacement is null ? "" : " " + d.Replacement)).ToList();

        Assert.Equal(expected, actual);
    }
}
