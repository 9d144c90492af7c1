using System.Collections.Immutable;
using Bookish.Citations;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Tests.Citations;

public sealed class BibliographyTests
{
    private const string Bib = """
        @article{knuth84, author = {Knuth, Donald E.}, title = {Literate Programming}, journal = {The Computer Journal}, year = 1984}
        @book{lamport, author = "Lamport, Leslie", title = {{\LaTeX}: A Document Preparation System}, publisher = {Addison--Wesley}, year = {1994},
              url = {https://example.org/latex}}
        @comment{ignored}
        """;

    [Fact]
    public void BibTeX_fields_are_read_with_braces_and_accents_resolved()
    {
        var entries = BibTexReader.Read(new SourceText("refs.bib", Bib), new DiagnosticBag());
        Assert.Equal(["knuth84", "lamport"], entries.Select(e => e.Key));
        Assert.Equal("Donald E. Knuth. Literate Programming. The Computer Journal, 1984.", entries[0].Formatted());
        Assert.Equal("Addison–Wesley", entries[1]["publisher"]);
        Assert.Equal("https://example.org/latex", entries[1].Link);
    }

    [Fact]
    public void References_are_numbered_by_first_citation_and_unknown_keys_are_errors()
    {
        var dir = Directory.CreateTempSubdirectory("bookish-bib-").FullName;
        File.WriteAllText(Path.Combine(dir, "refs.bib"), Bib);
        var doc = TestDocuments.Read("---\nbibliography: refs.bib\n---\n\nSee [@lamport; @knuth84], again [@lamport] and [@nobody].\n", Path.Combine(dir, "doc.md"));
        var diagnostics = new DiagnosticBag();
        var bib = Bibliography.For(new Publication(doc.Metadata, [doc], false, "doc"), diagnostics);
        Assert.Equal(["lamport", "knuth84"], bib.References.Select(r => r.Key));
        Assert.Equal([1, 2], bib.References.Select(r => r.Number));
        var citations = doc.Blocks.OfType<Paragraph>().Single().Content.OfType<Citation>().ToList();
        Assert.Equal("[1, 2]", bib.Label(citations[0]));
        var error = Assert.Single(diagnostics.ToList());
        Assert.Equal(DiagnosticIds.UnknownCitationKey, error.Id);
        Assert.Equal(5, error.Span.Line);
    }
}
