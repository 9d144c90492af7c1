using Bookish.Diagnostics;
using Bookish.Text;

namespace Bookish.Tests.Diagnostics;

public sealed class DiagnosticFormatterTests
{
    private static readonly Diagnostic Sample = Diagnostic.Error(DiagnosticIds.TexError, new SourceSpan("content/a.md", 14, 9, 14, 20), "! Undefined control sequence. \\foo");

    [Fact]
    public void Text_is_compiler_style() =>
        Assert.Equal(@"content/a.md:14:9: error BK2001: ! Undefined control sequence. \foo", DiagnosticFormatter.Text(Sample));

    [Fact]
    public void GitHub_annotations_name_file_line_span_and_a_title_with_the_id()
    {
        var line = DiagnosticFormatter.GitHub(Sample);

        Assert.StartsWith("::error file=content/a.md,line=14,col=9,endColumn=20,title=BK2001 ", line);
        Assert.Contains("::BK2001: ! Undefined control sequence.", line);
    }

    [Fact]
    public void Json_has_the_span() =>
        Assert.Contains("\"line\": 14", DiagnosticFormatter.Json([Sample]));

    [Fact]
    public void Source_text_maps_offsets_to_one_based_positions()
    {
        var text = new SourceText("x.md", "ab\ncd\n");
        Assert.Equal((1, 1), text.Position(0));
        Assert.Equal((2, 2), text.Position(4));
    }
}
