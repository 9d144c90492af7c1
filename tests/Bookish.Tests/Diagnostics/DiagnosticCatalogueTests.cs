using System.Reflection;
using Bookish.Diagnostics;

namespace Bookish.Tests.Diagnostics;

public sealed class DiagnosticCatalogueTests
{
    private static List<DiagnosticDescriptor> Declared() => typeof(DiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    [Fact]
    public void Every_descriptor_has_its_own_BK_number_and_a_title_and_is_in_the_catalogue()
    {
        var declared = Declared();
        Assert.All(declared, d => Assert.Matches(@"^BK\d{4}$", d.Id));
        Assert.All(declared, d => Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Id));
        Assert.Equal(declared.Count, declared.Select(d => d.Id).Distinct().Count());
        Assert.Equal(declared.Select(d => d.Id).Order(), DiagnosticIds.All.Keys.Order());
    }

    [Fact]
    public void A_missing_input_chapter_include_notation_file_and_image_are_different_ids()
    {
        var ids = new[] { DiagnosticIds.InputNotFound, DiagnosticIds.MissingChapter, DiagnosticIds.MissingInclude, DiagnosticIds.MissingNotationFile, DiagnosticIds.MissingImage }
            .Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("BK1001", DiagnosticIds.InputNotFound.Id);
        Assert.Equal("BK3002", DiagnosticIds.MissingImage.Id);
    }

    [Fact]
    public void A_diagnostic_made_from_a_descriptor_takes_its_default_severity_and_prints_its_id()
    {
        var d = Diagnostic.Create(DiagnosticIds.MissingImage, Text.SourceSpan.At("kapitel.md", 7, 21), "image 'bild.png' not found");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("kapitel.md:7:21: warning BK3002: image 'bild.png' not found", d.ToString());
    }
}
