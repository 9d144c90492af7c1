using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Notation;
using Bookish.Reading;
using Bookish.Text;

namespace Bookish.Tests.Notation;

internal static class NotationTestKit
{
    public const string DefaultPath = "doc.md";

    public sealed record Parsed(Document Document, SourceText Source, NotationSet Notation, LintOptions Options, IReadOnlyList<Diagnostic> ReadDiagnostics);

    /// <summary>Reads Markdown (lines joined with \n), numbers it, reads its notation and lint options.</summary>
    public static Parsed Read(string markdown, string path = DefaultPath)
    {
        var source = new SourceText(path, markdown);
        var bag = new DiagnosticBag();
        var document = Numbering.Apply(MarkdownReader.Read(source, bag));
        var notation = NotationReader.Read(document, bag, source);
        var options = LintOptions.FromMetadata(document.Metadata, path, bag);
        return new Parsed(document, source, notation, options, bag.ToList());
    }

    public static IReadOnlyList<Diagnostic> Lint(string markdown, bool withSource = true)
    {
        var p = Read(markdown);
        return NotationLint.Run(p.Document, p.Notation, p.Options, withSource ? p.Source : null);
    }

    public static string Lines(params string[] lines) => string.Join("\n", lines);

    public static string At(Diagnostic d) => $"{d.Id}@{d.Span.Line}:{d.Span.Column}";

    /// <summary>The repository root: the first parent folder holding Bookish.sln.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Bookish.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Bookish.sln not found above " + AppContext.BaseDirectory);
    }
}
