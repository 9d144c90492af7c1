using Bookish.Diagnostics;
using Bookish.Notation;
using Xunit.Abstractions;

namespace Bookish.Tests.Notation;

/// <summary>The project's own articles pass the notation lint without errors (warnings are printed).</summary>
public class ContentNotationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Articles()
    {
        var data = new TheoryData<string>();
        var content = Path.Combine(NotationTestKit.RepoRoot(), "content");
        if (Directory.Exists(content))
            foreach (var file in Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(NotationTestKit.RepoRoot(), file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Content_article_has_no_notation_lint_errors(string article)
    {
        var path = Path.Combine(NotationTestKit.RepoRoot(), article);
        var p = NotationTestKit.Read(File.ReadAllText(path), path);

        var diagnostics = p.ReadDiagnostics.Concat(NotationLint.Run(p.Document, p.Notation, p.Options, p.Source)).ToList();

        foreach (var d in diagnostics) output.WriteLine(DiagnosticFormatter.Text(d).Replace(NotationTestKit.RepoRoot() + "/", ""));
        Assert.DoesNotContain(diagnostics, d => d.IsError && d.Id.StartsWith("BK5", StringComparison.Ordinal));
    }
}

/// <summary>The notation file written for the vector-derivatives article declares everything its math uses.</summary>
public class VectorDerivativesNotationTests(ITestOutputHelper output)
{
    [Fact]
    public void Declared_notation_covers_the_article_in_strict_mode()
    {
        var path = Path.Combine(NotationTestKit.RepoRoot(), "content", "vector-derivatives", "index.md");
        if (!File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "notation.yaml"))) return;
        var text = File.ReadAllText(path);
        // as the article would read once its front matter names the file
        var md = "---\nnotation: notation.yaml\nlint: { strict: true }\n" + text[4..];
        var p = NotationTestKit.Read(md, path);

        var diagnostics = p.ReadDiagnostics.Concat(NotationLint.Run(p.Document, p.Notation, p.Options, p.Source)).ToList();
        var rows = NotationTable.Rows(p.Document, p.Notation);

        foreach (var d in diagnostics) output.WriteLine(DiagnosticFormatter.Text(d).Replace(NotationTestKit.RepoRoot() + "/", ""));
        foreach (var r in rows) output.WriteLine($"{r.Symbol} | {r.Meaning} | {r.Kind} | {r.Shape} | {r.Search} | {r.FirstUseId}");
        Assert.Empty(diagnostics);
        Assert.Equal(18, rows.Count);
    }
}
