using System.Net;
using System.Text.RegularExpressions;
using Bookish.Notation;
using Xunit.Abstractions;

namespace Bookish.Tests.Notation;

/// <summary>Runs the italic-operator rule over the math of the matrix calculus paper (read from the shared corpus, never
/// copied into the repository).</summary>
public partial class MatrixCalculusCorpusTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"(?<![\\%])\\\[(.*?)\\\]", RegexOptions.Singleline)] private static partial Regex DisplayMath();
    [GeneratedRegex(@"\$([^$]+)\$")] private static partial Regex InlineMath();
    [GeneratedRegex(@"\\mathbf\{[^{}]*\}")] private static partial Regex Bold();

    private static string? PaperPath()
    {
        var path = Path.GetFullPath(Path.Combine(NotationTestKit.RepoRoot(), "..", "shared", "corpus", "matrix-calculus", "index.xml"));
        return File.Exists(path) ? path : null;
    }

    internal static List<string> MathOf(string xml)
    {
        var math = new List<string>();
        var rest = DisplayMath().Replace(xml, m => { math.Add(m.Groups[1].Value); return " "; });
        math.AddRange(InlineMath().Matches(rest).Select(m => m.Groups[1].Value));
        return math.Select(m => WebUtility.HtmlDecode(m) ?? m).ToList();
    }

    [Fact]
    public void Italic_operator_names_in_the_matrix_calculus_paper_are_found_without_alarms_on_bold_symbols()
    {
        if (PaperPath() is not { } path)
        {
            output.WriteLine("corpus not found: ../shared/corpus/matrix-calculus/index.xml (skipped)");
            return;
        }
        var math = MathOf(File.ReadAllText(path));

        var findings = math.SelectMany(tex => NotationLint.ItalicOperatorsIn(tex).Select(f => (Tex: tex, Finding: f))).ToList();

        var counts = findings.GroupBy(x => x.Finding.Text).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        output.WriteLine($"{math.Count} math fragments, {findings.Count} italic operator names");
        foreach (var g in counts)
            output.WriteLine($"{g.Key,-12} {g.Count(),4}  -> {g.First().Finding.Replacement}");
        foreach (var (tex, f) in findings)
            output.WriteLine($"  {f.Text}: {tex[Math.Max(0, f.Start - 20)..Math.Min(tex.Length, f.End + 20)].ReplaceLineEndings(" ")}");

        Assert.True(math.Count > 300, $"expected the paper's math, found {math.Count} fragments");
        Assert.Contains(counts, g => g.Key == "max");
        Assert.Contains(counts, g => g.Key == "diag");
        Assert.Contains(counts, g => g.Key == "sum");
        foreach (var (tex, f) in findings)
        {
            var insideBold = Bold().Matches(tex).Any(m => f.Start < m.Index + m.Length && f.End > m.Index);
            Assert.False(insideBold, $"false alarm inside \\mathbf: '{f.Text}' in {tex}");
        }
        var boldOnly = math.Where(t => Bold().IsMatch(t) && Bold().Replace(t, "").Trim().Length == 0).ToList();
        Assert.NotEmpty(boldOnly);
        Assert.All(boldOnly, t => Assert.Empty(NotationLint.ItalicOperatorsIn(t)));
    }

    [Fact]
    public void The_papers_math_uses_only_known_commands()
    {
        if (PaperPath() is not { } path) return;
        var math = MathOf(File.ReadAllText(path));

        var undefined = math.SelectMany(tex => NotationLint.UndefinedMacros(TexTokenizer.Tokenize(tex), new HashSet<string>()))
            .GroupBy(f => f.Text).OrderByDescending(g => g.Count()).ToList();

        foreach (var g in undefined) output.WriteLine($"{g.Key,-16} {g.Count(),4}");
        Assert.Empty(undefined);
    }
}
