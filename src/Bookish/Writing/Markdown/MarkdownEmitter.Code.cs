using System.Globalization;
using Bookish.Model;

namespace Bookish.Writing.Markdown;

internal sealed partial class MarkdownEmitter
{
    /// <summary>A code block's info string: the reader's own when it says everything, else Pandoc's attribute braces.</summary>
    private static string CodeInfo(CodeBlock c)
    {
        var a = c.Attributes;
        if (a.Equals(Highlighting.CodeAttributes.FromInfo(c.Info)) || !a.NumberLines && a.HighlightLines.IsEmpty && a.Language.Length == 0) return c.Info;
        var parts = new List<string>();
        if (a.Language.Length > 0) parts.Add("." + a.Language);
        if (a.NumberLines) parts.Add(".numberLines");
        if (a.NumberLines && a.StartFrom != 1) parts.Add(string.Create(CultureInfo.InvariantCulture, $"startFrom=\"{a.StartFrom}\""));
        if (!a.HighlightLines.IsEmpty) parts.Add($"hl_lines=\"{string.Join(" ", a.HighlightLines)}\"");
        return "{" + string.Join(" ", parts) + "}";
    }
}
