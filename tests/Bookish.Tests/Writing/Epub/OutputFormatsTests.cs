using Bookish.Pipeline;
using Bookish.Publishing;

namespace Bookish.Tests.Writing.Epub;

/// <summary><c>formats:</c> in front matter chooses the outputs besides the page; <c>--epub</c> adds the EPUB.</summary>
public sealed class OutputFormatsTests
{
    private static OutputFormats For(string frontMatter, BuildOptions? options = null)
    {
        // On disk: a warning finds its line in the file, as for any front matter value.
        var path = Path.Combine(Directory.CreateTempSubdirectory("bookish-formats-").FullName, "doc.md");
        var text = $"---\n{frontMatter}\n---\n\nText.\n";
        File.WriteAllText(path, text);
        var doc = TestDocuments.Read(text, path);
        return OutputFormats.For(new Bookish.Model.Publication(doc.Metadata, [doc], false, "doc"), options ?? new BuildOptions("doc.md"));
    }

    [Fact]
    public void Without_formats_the_pdf_is_written_and_the_epub_only_on_request()
    {
        Assert.Equal((true, false), (For("title: T").Pdf, For("title: T").Epub));
        Assert.True(For("title: T", new BuildOptions("doc.md") { Epub = true }).Epub);
    }

    [Fact]
    public void A_formats_list_names_the_outputs()
    {
        var all = For("formats: [html, pdf, epub]");
        Assert.Equal((true, true), (all.Pdf, all.Epub));
        var noPdf = For("formats: [html, EPUB]");
        Assert.Equal((false, true), (noPdf.Pdf, noPdf.Epub));
        Assert.False(For("formats: [html, pdf, epub]", new BuildOptions("doc.md") { Pdf = false }).Pdf);
        Assert.Empty(all.Diagnostics);
    }

    [Fact]
    public void An_unknown_format_is_a_warning_at_its_front_matter_line()
    {
        var result = For("title: T\nformats: [html, docx]");
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("BK7101", warning.Id);
        Assert.Equal(3, warning.Span.Line);
    }
}
