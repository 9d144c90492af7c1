using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Bookish.Reading;

/// <summary>
/// Quarto-style Python cells: <c>```{python}</c> fences with <c>#| key: value</c> option lines at the top, and inline
/// <c>`{python} expr`</c>. A Markdown document is one program: every cell shares one namespace.
/// </summary>
internal sealed partial class MarkdigConverter
{
    private static readonly HashSet<string> KnownOptions =
        ["echo", "output", "eval", "label", "fig-cap", "fig-alt", "fig-width", "fig-height", "fig-column", "column", "out-width", "warning", "include"];

    /// <summary>True for the info string of an executable cell: <c>{python}</c>, <c>{python3}</c>, <c>{python label}</c>.</summary>
    internal static bool IsPythonInfo(string info) => PythonInfo().IsMatch(info);

    /// <summary>The generic-attributes extension reads <c>{python}</c> as an attribute block and leaves the info empty.</summary>
    private static bool IsPythonFence(FencedCodeBlock f, string info) =>
        IsPythonInfo(info) || info.Length == 0 && f.TryGetAttributes()?.Properties?.Any(p => p.Key is "python" or "python3") == true;

    private PythonCell PythonCellBlock(FencedCodeBlock f, string code, Text.SourceSpan span)
    {
        var lines = code.Split('\n');
        var options = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var skip = 0;
        // The first content line is the line after the fence (Markdig's lines are 0-based).
        var first = f.Line + 2;
        for (; skip < lines.Length; skip++)
        {
            var m = OptionLine().Match(lines[skip]);
            if (!m.Success) break;
            var key = m.Groups["key"].Value;
            var value = m.Groups["value"].Value.Trim().Trim('"', '\'');
            var at = Text.SourceSpan.At(span.Path, first + skip, 1);
            if (!KnownOptions.Contains(key))
                diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PythonCellOption, at, $"unknown cell option '{key}' ignored (known: {string.Join(", ", KnownOptions.Order())})"));
            options[key] = (value, first + skip);
        }
        bool Flag(string key, bool fallback)
        {
            if (!options.TryGetValue(key, out var o)) return fallback;
            if (o.Value is "true" or "yes") return true;
            if (o.Value is "false" or "no") return false;
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PythonCellOption, Text.SourceSpan.At(span.Path, o.Line, 1), $"cell option '{key}' must be true or false, not '{o.Value}'"));
            return fallback;
        }
        double? Inches(string key)
        {
            if (!options.TryGetValue(key, out var o)) return null;
            if (double.TryParse(o.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is > 0 and <= 40) return v;
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.PythonCellOption, Text.SourceSpan.At(span.Path, o.Line, 1), $"cell option '{key}' must be a size in inches (0 to 40), not '{o.Value}'"));
            return null;
        }
        var (body, highlight) = Python.PythonCode.HighlightMarks(string.Join("\n", lines.Skip(skip)));
        var include = Flag("include", true);
        var label = options.TryGetValue("label", out var l) ? l.Value : null;
        var caption = options.TryGetValue("fig-cap", out var c) ? CaptionInlines(c.Value) : [];
        var isFigure = label is not null && label.StartsWith("fig-", StringComparison.Ordinal) || caption.Length > 0;
        var (w, h) = (Inches("fig-width"), Inches("fig-height"));
        var width = options.TryGetValue("out-width", out var ow) ? Reading.ChapterParser.WidthFraction(ow.Value) : 0;
        var side = (options.TryGetValue("fig-column", out var col) || options.TryGetValue("column", out col)) && col.Value == "margin";
        return new PythonCell(body, span)
        {
            FirstCodeLine = first + skip,
            ShowLastValue = true,
            Echo = include && Flag("echo", true),
            ShowOutput = include && Flag("output", true),
            Enabled = Flag("eval", true),
            IsFigure = isFigure,
            FigureLabel = label,
            Caption = caption,
            Side = side,
            WidthFraction = width,
            FigureSize = w is null && h is null ? null : (w ?? 6.0, h ?? 4.0),
            Highlight = highlight,
        };
    }

    private ImmutableArray<Model.Inline> CaptionInlines(string markdown)
    {
        var blocks = MarkdownReader.ReadFragment(markdown, source.Path, diagnostics);
        return blocks.Length > 0 && blocks[0] is Paragraph p ? p.Content : [];
    }

    /// <summary>Inline <c>`{python} expr`</c>, or null for ordinary inline code.</summary>
    internal static string? PythonInlineExpression(string content) =>
        InlinePython().Match(content) is { Success: true } m ? m.Groups["expr"].Value.Trim() : null;

    [GeneratedRegex(@"^\{\s*python3?(\s[^}]*)?\}$")] private static partial Regex PythonInfo();
    [GeneratedRegex(@"^#\|\s*(?<key>[A-Za-z][\w-]*)\s*:(?<value>.*)$")] private static partial Regex OptionLine();
    [GeneratedRegex(@"^\{python3?\}\s+(?<expr>.+)$", RegexOptions.Singleline)] private static partial Regex InlinePython();
}
