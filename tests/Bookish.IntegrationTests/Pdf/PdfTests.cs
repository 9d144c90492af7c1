using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Pdf;

public sealed class PdfTests
{
    [Fact]
    public async Task Every_LaTeX_special_character_in_prose_round_trips_into_the_pdf_text()
    {
        const string text = "Specials: & % $ # _ { } ~ ^ \\ and quotes \"q\" 'a' `b` -- --- << >> | café, naïve done";
        // The Markdown source escapes what Markdown itself would interpret.
        var markdown = text.Replace("\\", "\\\\").Replace("$", "\\$").Replace("_", "\\_").Replace("<", "\\<").Replace("{", "\\{").Replace("}", "\\}").Replace("`", "\\`");
        var doc = Repo.WriteDocument($"---\ntitle: Specials\ntoc: false\n---\n\n{markdown}\n");
        var dir = Path.GetDirectoryName(doc)!;
        var r = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        var words = PdfText.Normalize(PdfText.Words(r.PdfPath!));
        // Quotes and dashes are set as typographers' characters (smart punctuation), in the page and the PDF alike.
        var typeset = text.Replace("\"q\"", "\u201cq\u201d").Replace("'a'", "\u2018a\u2019").Replace(" --- ", " \u2014 ").Replace(" -- ", " \u2013 ");
        Assert.Contains(PdfText.Normalize(typeset), words);
    }

    [Fact]
    public async Task A_raw_LaTeX_error_is_reported_at_its_source_line_with_TeX_s_words()
    {
        var doc = Repo.WriteDocument("# T\n\nText.\n\n```{=latex}\n\\begin{center}\n\\nosuchcommand\n\\end{center}\n```\n\nAfter.\n");
        var dir = Path.GetDirectoryName(doc)!;
        var r = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "o"), CacheDirectory = Path.Combine(dir, "c") });
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("BK3001", d.Id);
        Assert.Equal(5, d.Span.Line);
        Assert.Contains("Undefined control sequence", d.Message);
        Assert.True(File.Exists(Path.Combine(dir, "o", "index.html")), "the HTML is still published");
    }
}
