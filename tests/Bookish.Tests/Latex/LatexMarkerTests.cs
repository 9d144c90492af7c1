using Bookish.Latex;

namespace Bookish.Tests.Latex;

public sealed class LatexMarkerTests
{
    [Theory]
    [InlineData("\\frac{a}{b % comment\n\n+ \\left( c")]
    [InlineData("}}} {{ # ## ~ ^ _ & $ \\end{document}")]
    [InlineData("\\begin{verbatim}\n\n\\par\n\\end{center}")]
    public void A_marker_is_one_balanced_line_whatever_the_failed_source_holds(string source)
    {
        var marker = LatexEscaper.Marker(source);

        Assert.DoesNotContain('\n', marker);
        Assert.Equal(0, Depth(marker));
        Assert.DoesNotContain("\\end{", marker);
        Assert.DoesNotMatch(@"(?<!\\)[%#&$~^_]", marker.Replace("\\textasciitilde{}", "").Replace("\\textasciicircum{}", ""));
    }

    [Fact]
    public void A_long_word_in_a_marker_may_break_so_the_marker_wraps_within_the_line()
    {
        var marker = LatexEscaper.Marker("averyveryverylongidentifierwithoutanyspaces");
        Assert.True(marker.Split("\\allowbreak{}").Length >= 4, marker);
    }

    [Theory]
    [InlineData("张伟", @"\bookishglyphs{5F20-4F1F}")]
    [InlineData("a 🎉 b", @"a \bookishglyphs{1F389} b")]
    [InlineData("👍🏽", @"\bookishglyphs{1F44D-1F3FD}")]
    [InlineData("café Ærø", "café Ærø")]
    [InlineData("β ≤ 1", @"\ensuremath{\beta} \ensuremath{\leq} 1")]
    public void Characters_the_TeX_fonts_lack_become_one_placeholder_per_run(string text, string latex) =>
        Assert.Equal(latex, LatexEscaper.Escape(text));

    /// <summary>Brace depth at the end, ignoring escaped braces; -1 if it ever goes negative.</summary>
    private static int Depth(string tex)
    {
        var depth = 0;
        for (var i = 0; i < tex.Length; i++)
        {
            if (tex[i] == '\\') { i++; continue; }
            if (tex[i] == '{') depth++;
            else if (tex[i] == '}' && --depth < 0) return -1;
        }
        return depth;
    }
}
