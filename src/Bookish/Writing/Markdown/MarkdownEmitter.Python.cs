using System.Globalization;
using System.Text;
using Bookish.Model;

namespace Bookish.Writing.Markdown;

/// <summary>Legacy Python cells as Quarto-style cells: options as <c>#|</c> lines, bookish's <c>output=</c> as the last line.</summary>
internal sealed partial class MarkdownEmitter
{
    private string PythonCellText(PythonCell c)
    {
        var body = new StringBuilder();
        if (c.FigureLabel is { Length: > 0 } label) body.Append("#| label: ").Append(label).Append('\n');
        if (c.Caption.Length > 0) body.Append("#| fig-cap: \"").Append(Inlines(c.Caption, InlineMode.SingleLine).Trim().Replace("\"", "\\\"")).Append("\"\n");
        if (!c.Echo) body.Append("#| echo: false\n");
        if (!c.Enabled) body.Append("#| eval: false\n");
        if (c.Side) body.Append("#| column: margin\n");
        if (c.WidthFraction > 0) body.Append("#| out-width: ").Append((c.WidthFraction * 100).ToString("0.##", CultureInfo.InvariantCulture)).Append("%\n");
        var lines = c.Code.Split('\n').Select((l, k) => c.Highlight.Contains(k + 1) ? "!" + l : l);
        body.Append(string.Join("\n", lines));
        // Quarto shows a cell's last expression: bookish's output="expr" becomes that line.
        if (c.OutputExpression is { Length: > 0 } shown) body.Append('\n').Append(shown);
        return Fenced("{python}", body.ToString());
    }
}
