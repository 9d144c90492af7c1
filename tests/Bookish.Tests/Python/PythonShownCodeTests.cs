using Bookish.Model;
using Bookish.Python;
using Bookish.Text;
using Xunit;

namespace Bookish.Tests.Python;

/// <summary>How a cell's code is shown, and what the page keeps of matplotlib's SVG text styles.</summary>
public sealed class PythonShownCodeTests
{
    private static readonly SourceSpan At = SourceSpan.At("/project/c.xml", 3, 1);

    [Fact]
    public void Bang_marked_lines_become_the_highlighted_lines_of_a_python_code_block()
    {
        var cell = new PythonCell("import math\nx = math.pi\nprint(x)", At) { Highlight = [2] };

        var shown = PythonLowering.ShownCode(cell);

        Assert.Equal("python", shown.Attributes.Language);
        Assert.Equal([2], shown.Attributes.HighlightLines.ToArray());
        Assert.False(shown.Attributes.NumberLines);
        Assert.Equal(cell.Code, shown.Code);
    }

    [Fact]
    public void A_legacy_cell_ends_its_shown_code_with_its_output_expression_as_bookish_did()
    {
        var legacy = new PythonCell("import pandas as pd\ndf = pd.DataFrame({'a': [1]})", At) { OutputExpression = "df", BookishValues = true };
        var quarto = new PythonCell("total = 3", At) { OutputExpression = "total" };

        Assert.Equal("import pandas as pd\ndf = pd.DataFrame({'a': [1]})\ndf", PythonLowering.ShownCode(legacy).Code);
        Assert.Equal("total = 3", PythonLowering.ShownCode(quarto).Code);
    }

    [Fact]
    public void Svg_text_takes_the_pages_font_but_keeps_its_italic_weight_and_size()
    {
        const string svg = """
            <svg xmlns="http://www.w3.org/2000/svg"><text><tspan style="font: 12px 'Latin Modern Roman'">Height </tspan><tspan style="font: italic 12px 'Latin Modern Roman'">h</tspan><tspan style="font: bold 8.4px 'DejaVu Sans'">2</tspan></text></svg>
            """;

        var page = PythonLowering.PageSvg(svg);

        Assert.DoesNotContain("Latin Modern", page);
        Assert.DoesNotContain("DejaVu", page);
        Assert.Contains("style=\"font-size: 12px\">Height", page);
        Assert.Contains("style=\"font-style: italic; font-size: 12px\">h", page);
        Assert.Contains("style=\"font-weight: bold; font-size: 8.4px\">2", page);
    }
}
