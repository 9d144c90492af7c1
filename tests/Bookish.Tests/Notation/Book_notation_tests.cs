using Bookish.Diagnostics;
using Bookish.Publishing;
using Xunit;

namespace Bookish.Tests.Notation;

/// <summary>A book's notation and macros (front matter of its index page) hold in every chapter; "unused" is book-wide.</summary>
public sealed class Book_notation_tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bookish-book-notation-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text.Replace("\r\n", "\n"));

    private IReadOnlyList<Diagnostic> CheckBook(string extraEntry = "")
    {
        Write("index.md", """
            ---
            title: A Two-Chapter Book
            macros:
              vx: \mathbf{x}
              loss: \mathcal{L}
            notation:
              - symbol: \mathbf{x}
                meaning: input vector
                kind: vector
              - symbol: \mathcal{L}
                meaning: training loss
                kind: function
            """ + (extraEntry.Length > 0 ? "\n" + extraEntry : "") + """

            chapters: [one.md, two.md]
            ---

            An introduction without any mathematics.
            """);
        Write("one.md", "---\ntitle: One\n---\n\n# Inputs\n\nEvery input $\\vx$ is a column vector, and $\\vx^\\top \\vx \\geq 0$.\n");
        Write("two.md", "---\ntitle: Two\n---\n\n# Losses\n\nThe loss $\\loss(\\vx)$ is a number; we minimise $\\loss$.\n");
        return Checker.Run(_dir, autoDerivatives: false).Diagnostics;
    }

    [Fact]
    public void Macros_declared_for_the_book_are_defined_in_every_chapter()
    {
        var diagnostics = CheckBook();
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.UndefinedMacro);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
    }

    [Fact]
    public void A_declaration_used_only_in_a_chapter_is_not_unused()
    {
        var diagnostics = CheckBook();
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.NotationUnused);
    }

    [Fact]
    public void A_declaration_no_page_of_the_book_uses_is_reported_once_at_its_declaration()
    {
        var diagnostics = CheckBook("""
              - symbol: \mathbf{W}
                meaning: weight matrix
                kind: matrix
            """);
        var unused = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.NotationUnused);
        Assert.Contains("\\mathbf{W}", unused.Message);
        Assert.EndsWith("index.md", unused.Span.Path);
        Assert.Equal(13, unused.Span.Line);
    }
}
