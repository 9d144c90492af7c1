using Bookish.Diagnostics;
using Bookish.Equations;
using Bookish.Notation;
using static Bookish.Tests.Notation.NotationTestKit;

namespace Bookish.Tests.Notation;

public class NotationReaderTests
{
    [Fact]
    public void Front_matter_entries_are_read_in_order_with_kind_shape_macro_and_search()
    {
        var p = Read(Lines(
            "---",
            "notation:",
            "  - symbol: \\mathbf{x}",
            "    meaning: input vector",
            "    kind: vector",
            "    shape: n",
            "    macro: \\vx",
            "    search: vector",
            "  - { symbol: '\\mathbf{W}', meaning: weights, kind: Matrix, shape: 'm \\times n' }",
            "---",
            "",
            "$\\vx$"));

        Assert.Empty(p.ReadDiagnostics);
        Assert.Equal([@"\mathbf{x}", @"\mathbf{W}"], p.Notation.Entries.Select(e => e.Symbol));
        var x = p.Notation.Entries[0];
        Assert.Equal(("input vector", NotationKind.Vector, "n", "vx", "vector"), (x.Meaning, x.Kind, x.Shape, x.Macro, x.Search));
        Assert.Equal((3, 13), (x.Span.Line, x.Span.Column));
        Assert.Equal(NotationKind.Matrix, p.Notation.Entries[1].Kind);
        Assert.Equal(@"m \times n", p.Notation.Entries[1].Shape);
        Assert.Same(x, p.Notation.Find(@"\mathbf x"));
    }

    [Fact]
    public void Entry_macros_reach_the_shared_preamble()
    {
        var p = Read(Lines("---", "macros:", "  R: \\mathbb{R}", "notation:", "  - {symbol: '\\mathbf{x}', meaning: input, kind: vector, macro: '\\vx'}", "---"));

        var preamble = Preamble.For(p.Document.Metadata, p.Notation.Macros);

        Assert.Contains(@"\renewcommand{\vx}{\mathbf{x}}", preamble);
        Assert.Contains(@"\renewcommand{\R}{\mathbb{R}}", preamble);
    }

    [Fact]
    public void Bad_entries_are_reported_at_their_lines_and_reading_goes_on()
    {
        var p = Read(Lines(
            "---",
            "notation:",
            "  - meaning: no symbol",          // 3
            "    kind: scalar",
            "  - symbol: \\mathbf{y}",         // 5
            "    meaning: output",
            "    kind: tensor",                // 7
            "  - symbol: \\mathbf{A}",         // 8
            "    meaning: a matrix",
            "    colour: red",                 // 10
            "  - symbol: \\frac{a",            // 11
            "    meaning: broken",
            "    kind: scalar",
            "---"));

        Assert.Equal(["BK1002@3:5", "BK1002@7:11", "BK1002@8:13", "BK1002@10:5", "BK1002@11:13"],
            p.ReadDiagnostics.Select(At));
        Assert.Equal([Severity.Error, Severity.Error, Severity.Warning, Severity.Warning, Severity.Error], p.ReadDiagnostics.Select(d => d.Severity));
        Assert.Equal([(@"\mathbf{y}", NotationKind.Vector), (@"\mathbf{A}", NotationKind.Matrix)], p.Notation.Entries.Select(e => (e.Symbol, e.Kind)));
    }

    [Fact]
    public void Notation_can_live_in_a_separate_yaml_file_next_to_the_document()
    {
        var dir = Directory.CreateTempSubdirectory("bookish-notation-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "notation.yaml"), Lines(
                "macros:",
                "  R: \\mathbb{R}",
                "notation:",
                "  - symbol: \\mathbf{x}",
                "    meaning: input vector",
                "    kind: vector",
                "    macro: \\vx",
                "  - symbol: \\theta",
                "    kind: parameter"));
            var doc = Path.Combine(dir.FullName, "index.md");

            var p = Read(Lines("---", "notation: notation.yaml", "---", "", "$\\vx \\in \\R$"), doc);

            Assert.Equal([@"\mathbf{x}", @"\theta"], p.Notation.Entries.Select(e => e.Symbol));
            Assert.Equal(["R", "vx"], p.Notation.Macros.Select(m => m.Name));
            var file = Path.Combine(dir.FullName, "notation.yaml");
            Assert.Equal([$"{file}:8:13 warning", $"{file}:9:11 error"], p.ReadDiagnostics.Select(d => $"{d.Span} {DiagnosticFormatter.Word(d.Severity)}"));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Missing_notation_file_is_an_error_at_the_front_matter_key()
    {
        var p = Read(Lines("---", "notation: nowhere.yaml", "---"), Path.Combine(Path.GetTempPath(), "doc.md"));

        var d = Assert.Single(p.ReadDiagnostics);
        Assert.Equal(DiagnosticIds.MissingNotationFile.Id, d.Id);
        Assert.Equal((2, 11), (d.Span.Line, d.Span.Column));
        Assert.True(p.Notation.IsEmpty);
    }

    [Fact]
    public void Without_the_source_text_entries_are_still_read_from_the_parsed_front_matter()
    {
        var p = Read(Lines("---", "notation:", "  - {symbol: '\\mathbf{x}', meaning: input, kind: vector}", "---"));

        var set = NotationReader.Read(p.Document, new DiagnosticBag());

        Assert.Equal(@"\mathbf{x}", Assert.Single(set.Entries).Symbol);
    }

    [Fact]
    public void Lint_options_read_rules_severities_and_strict_mode()
    {
        var p = Read(Lines("---", "lint: { italic-operator: error, unused: off, BK5002: info, strict: true, bogus: error }", "---"));

        Assert.True(p.Options.Strict);
        Assert.Equal(Severity.Error, p.Options.SeverityOf(DiagnosticIds.ItalicOperator));
        Assert.Null(p.Options.SeverityOf(DiagnosticIds.NotationUnused));
        Assert.Equal(Severity.Info, p.Options.SeverityOf(DiagnosticIds.NotationForm));
        Assert.Equal(Severity.Warning, p.Options.SeverityOf(DiagnosticIds.NotationUndeclared));
        Assert.Contains(p.ReadDiagnostics, d => d.Id == DiagnosticIds.FrontMatter && d.Message.Contains("bogus"));
        Assert.Null(LintOptions.Default.SeverityOf(DiagnosticIds.NotationUndeclared));
    }
}
