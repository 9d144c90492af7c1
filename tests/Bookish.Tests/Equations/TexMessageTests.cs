using Bookish.Equations;
using Bookish.Text;

namespace Bookish.Tests.Equations;

/// <summary>TeX's messages as an author reads them: none of Bookish's wrappers, braces pointed at where they opened.</summary>
public sealed class TexMessageTests
{
    [Theory]
    [InlineData(@"! LaTeX Error: \begin{document} ended by \end{x}. \end{x}\]\bkgrab}\bkfinish", @"! LaTeX Error: \end{x} has no matching \begin{x}. \end{x}\]}")]
    [InlineData(@"! LaTeX Error: \begin{cases} on input line 116 ended by \end{aligned}. a", @"! LaTeX Error: \begin{cases} ended by \end{aligned}. a")]
    [InlineData(@"! Missing $ inserted. \setbox\bkbox\hbox{$x", @"! Missing $ inserted. \hbox{$x")]
    public void Wrapper_macros_and_batch_line_numbers_never_reach_the_message(string tex, string author)
    {
        var shown = TexBatchRenderer.ForAuthor(tex);

        Assert.Equal(author, shown);
        Assert.DoesNotContain(@"\bk", shown);
        Assert.DoesNotContain("input line", shown);
    }

    [Fact]
    public void An_unclosed_group_in_a_display_block_points_at_the_line_and_column_where_it_opened()
    {
        // \begin{equation} on line 17, the body on 18-19, \end{equation} on 20.
        var span = new SourceSpan("doc.md", 17, 1, 20, 14);

        var at = TexBatchRenderer.AtBrace(span, "x = 1 \\\\\n\\frac{a}{b + c");

        Assert.Equal((19, 9), (at.Line, at.Column));
    }

    [Fact]
    public void A_stray_closing_brace_is_pointed_at_and_balanced_or_escaped_braces_leave_the_span_alone()
    {
        var span = new SourceSpan("doc.md", 4, 1, 6, 2);

        Assert.Equal((5, 7), (TexBatchRenderer.AtBrace(span, "a = b }").Line, TexBatchRenderer.AtBrace(span, "a = b }").Column));
        Assert.Equal(span, TexBatchRenderer.AtBrace(span, @"\{ a \} = \frac{1}{2} % { in a comment"));
    }
}
