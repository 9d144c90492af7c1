using System.Globalization;
using AngleSharp.Dom;

namespace Bookish.Highlighting;

/// <summary>
/// Highlighted code as page markup, no script needed: <c>pre.code &gt; code &gt; span.line</c> per line (each ending in
/// its line feed), a <c>span.tok-…</c> per coloured token, <c>span.ln</c> line numbers (hidden from screen readers and
/// from copying), <c>.line.hl</c> highlighted lines. Colours are CSS variables (<see cref="CodePalette.CssBlock"/>), so
/// dark mode needs nothing here.
/// </summary>
internal static class CodeHtml
{
    public static IElement Render(IDocument html, HighlightedCode code, CodeAttributes attributes, string? languageName = null)
    {
        var pre = html.CreateElement("pre");
        pre.ClassName = "code";
        var lang = languageName ?? attributes.Language;
        var element = html.CreateElement("code");
        if (lang.Length > 0)
        {
            element.ClassName = "language-" + lang;
            pre.SetAttribute("data-lang", lang);
        }
        var lines = Lines(code);
        var last = attributes.StartFrom + lines - 1;
        if (attributes.NumberLines)
        {
            pre.ClassList.Add("numbered");
            pre.SetAttribute("data-digits", Math.Max(2, last.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture));
        }
        var highlighted = attributes.HighlightLines.ToHashSet();
        for (var i = 0; i < lines; i++)
        {
            var line = html.CreateElement("span");
            line.ClassName = highlighted.Contains(i + 1) ? "line hl" : "line";
            if (attributes.NumberLines)
            {
                var number = html.CreateElement("span");
                number.ClassName = "ln";
                number.SetAttribute("aria-hidden", "true");
                number.TextContent = (attributes.StartFrom + i).ToString(CultureInfo.InvariantCulture);
                line.AppendChild(number);
            }
            foreach (var token in code.Lines[i])
            {
                if (CodePalette.Of(token.Kind) is { } style)
                {
                    var span = html.CreateElement("span");
                    span.ClassName = "tok-" + style.Name;
                    span.TextContent = token.Text;
                    line.AppendChild(span);
                }
                else line.AppendChild(html.CreateTextNode(token.Text));
            }
            line.AppendChild(html.CreateTextNode("\n"));
            element.AppendChild(line);
        }
        pre.AppendChild(element);
        return pre;
    }

    /// <summary>How many lines are shown: a last empty line (the code ended in a line feed) is not.</summary>
    internal static int Lines(HighlightedCode code) =>
        code.Lines.Length > 1 && code.Lines[^1].IsEmpty ? code.Lines.Length - 1 : code.Lines.Length;
}
