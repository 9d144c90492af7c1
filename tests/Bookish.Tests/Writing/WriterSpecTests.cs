using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bookish.Equations;
using Bookish.Html;
using Bookish.Latex;
using Bookish.Model;
using Bookish.Pipeline;
using Bookish.Tests.Html;

namespace Bookish.Tests.Writing;

/// <summary>
/// The writer specs (Specs/WriterSpecs.md): for every node type, Markdown in, the HTML writer's fragment and the LaTeX
/// writer's fragment out, side by side. A new case is a text edit. With <c>BOOKISH_UPDATE_GOLDEN=1</c> (never when
/// <c>CI=true</c>) a mismatch rewrites the spec file's expectation; otherwise it writes <c>WriterSpecs.received.md</c>.
/// </summary>
public sealed partial class WriterSpecTests
{
    private const string PageTemplate = "<!DOCTYPE html><html><head><title data-slot=\"title\"></title></head><body><svg data-slot=\"glyphs\"><defs></defs></svg><main class=\"spec-body\" data-slot=\"body\"></main></body></html>";
    private const string TexTemplate = "\\documentclass{article}\n%% bookish:preamble\n%% bookish:metadata\n\\begin{document}\n%% spec-body-start\n%% bookish:body\n%% spec-body-end\n\\end{document}\n";

    internal sealed record Spec(string Title, string Markdown, string Html, string Latex);

    private static string SpecPath => Path.Combine(AppContext.BaseDirectory, "Specs", "WriterSpecs.md");

    internal static List<Spec> Specs(string? path = null)
    {
        var specs = new List<Spec>();
        var text = File.ReadAllText(path ?? SpecPath).Replace("\r", "");
        string title = "", markdown = "", html = "";
        foreach (Match m in Block().Matches(text))
        {
            if (m.Groups["title"].Success) { title = m.Groups["title"].Value.Trim(); continue; }
            var body = m.Groups["body"].Value;
            switch (m.Groups["kind"].Value)
            {
                case "markdown": markdown = body; break;
                case "html": html = body.TrimEnd(); break;
                default: specs.Add(new Spec(title, markdown, html, body.TrimEnd())); break;
            }
        }
        return specs;
    }

    public static TheoryData<string> Titles()
    {
        var data = new TheoryData<string>();
        foreach (var s in Specs()) data.Add(s.Title);
        return data;
    }

    [GeneratedRegex(@"^## (?<title>[^\n]+)$|^```(?<kind>markdown|html|latex)\n(?<body>.*?)\n```\n(?=\n|$)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();

    [Fact]
    public void Spec_file_has_an_example_for_every_node_type()
    {
        var specs = Specs();
        var seen = new HashSet<Type>();
        foreach (var s in specs)
        {
            var doc = TestDocuments.Read(s.Markdown, "spec.md");
            foreach (var b in ModelWalker.Blocks(doc)) seen.Add(b.GetType());
            foreach (var i in ModelWalker.Inlines(doc)) seen.Add(i.GetType());
        }
        var nodeTypes = typeof(Block).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.Namespace == "Bookish.Model" && (t.IsSubclassOf(typeof(Block)) || t.IsSubclassOf(typeof(Inline))))
            // Python cells never reach a writer: the Python stage replaces them with code, output, tables and figures.
            .Where(t => t != typeof(PythonCell) && t != typeof(PythonInline))
            .ToList();
        Assert.Empty(nodeTypes.Where(t => !seen.Contains(t)).Select(t => t.Name));
        Assert.Equal(specs.Count, specs.Select(s => s.Title).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public void Markdown_writes_the_expected_HTML_and_LaTeX(string title)
    {
        var spec = Specs().Single(s => s.Title == title);
        var (html, latex) = Write(spec.Markdown);
        if (html != spec.Html || latex != spec.Latex) Received(spec, html, latex);
        Assert.Equal(spec.Html, html);
        Assert.Equal(spec.Latex, latex);
    }

    /// <summary>Both writers over one page read from <paramref name="markdown"/>, equations through the fake TeX seam.</summary>
    internal static (string Html, string Latex) Write(string markdown)
    {
        var doc = TestDocuments.Read(markdown, "spec.md");
        var publication = new Publication(doc.Metadata, [doc], false, "spec");
        var settings = new MathSettings();
        var math = new FakeMathRenderer().RenderAsync(MathCollector.Collect([doc]), settings).Result.Rendered;
        // The checks' writer-neutral results (verdicts, notation rows) reach both writers, as in a build.
        var checks = CheckStage.Run(publication);
        var html = HtmlWriter.Write(doc, new HtmlWriterContext(publication, math, settings, PageTemplate)
        {
            Badges = checks.Verdicts.ToDictionary(v => v.Key, v => HtmlStage.Badge(v.Value)),
            NotationRows = checks.NotationRows.GetValueOrDefault(doc.PageName, []),
            InlineAnchors = checks.InlineAnchors.GetValueOrDefault(doc.PageName, new Dictionary<(int, int), string>()),
        });
        var page = new HtmlParser().ParseDocument(html);
        var latex = LatexWriter.Write(new LatexWriterContext(publication, TexTemplate, "") { NotationRows = checks.AllNotationRows(publication) });
        return (HtmlFragment(page.QuerySelector("main.spec-body")!), LatexFragment(latex.Tex));
    }

    /// <summary>The page's body, one block per line; equations' SVG shortened to its box (the fake seam draws them all alike).</summary>
    private static string HtmlFragment(IElement body)
    {
        foreach (var svg in body.QuerySelectorAll("svg").ToList())
        {
            var box = body.Owner!.CreateElement("svg");
            if (svg.GetAttribute("style") is { } style) box.SetAttribute("style", style);
            svg.Replace(box);
        }
        foreach (var e in body.QuerySelectorAll("[data-src]")) e.RemoveAttribute("data-src");
        return string.Join("\n", body.Children.Select(c => c.OuterHtml.Trim()));
    }

    /// <summary>The LaTeX the body produced, without the lines only the machinery needs.</summary>
    private static string LatexFragment(string tex)
    {
        // Progress markers (\typeout{BKP:token:line}) start each block for the PDF's stall watch; they are machinery.
        var lines = System.Text.RegularExpressions.Regex.Replace(tex.Replace("\r", ""), @"\\typeout\{BKP:[a-z]+:[0-9]+\}", "").Split('\n');
        var start = Array.FindIndex(lines, l => l == "%% spec-body-start");
        var end = Array.FindIndex(lines, l => l == "%% spec-body-end");
        return string.Join("\n", lines[(start + 1)..end].Where(l => l.Trim().Length > 0)).TrimEnd();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bookish.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Bookish.sln not found above the test binaries");
    }

    private static void Received(Spec spec, string html, string latex)
    {
        var update = Environment.GetEnvironmentVariable("BOOKISH_UPDATE_GOLDEN") == "1" && Environment.GetEnvironmentVariable("CI") != "true";
        var source = update ? Path.Combine(RepoRoot(), "tests", "Bookish.Tests", "Specs", "WriterSpecs.md") : SpecPath;
        var text = File.ReadAllText(source).Replace("\r", "");
        var sb = new StringBuilder(text[..text.IndexOf("\n## ", StringComparison.Ordinal)].TrimEnd('\n')).Append('\n');
        foreach (var s in Specs(source))
        {
            var (h, l) = s.Title == spec.Title ? (html, latex) : (s.Html, s.Latex);
            sb.Append("\n## ").Append(s.Title).Append("\n\n```markdown\n").Append(s.Markdown).Append("\n```\n\n")
                .Append("```html\n").Append(h).Append("\n```\n\n```latex\n").Append(l).Append("\n```\n");
        }
        text = sb.ToString();
        lock (typeof(WriterSpecTests))
            File.WriteAllText(update ? source : Path.ChangeExtension(SpecPath, ".received.md"), text);
    }
}
