using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Python;

/// <summary>
/// Replaces a page's Python cells by what a reader sees: the code (unless hidden), printed output as an output block,
/// a DataFrame as a table, each matplotlib figure as a numbered figure (SVG in the page, PDF in LaTeX), an inline value
/// as text; a failure as Python's traceback (lines mapped to the document) and a diagnostic at the cell's line.
/// </summary>
internal sealed partial class PythonLowering(Document page, IReadOnlyDictionary<Node, PythonReply> results, DiagnosticBag diagnostics)
{
    public Document Lower() => page with
    {
        Blocks = Blocks(page.Blocks),
        Metadata = page.Metadata with { Abstract = Blocks(page.Metadata.Abstract) },
    };

    private ImmutableArray<Block> Blocks(ImmutableArray<Block> blocks) => [.. blocks.SelectMany(Block)];

    private IEnumerable<Block> Block(Block b) => b switch
    {
        PythonCell c => Cell(c),
        Paragraph p => [p with { Content = Inlines(p.Content) }],
        Heading h => [h with { Content = Inlines(h.Content) }],
        ListBlock l => [l with { Items = [.. l.Items.Select(i => i with { Blocks = Blocks(i.Blocks) })] }],
        BlockQuote q => [q with { Blocks = Blocks(q.Blocks) }],
        Aside a => [a with { Title = Inlines(a.Title), Blocks = Blocks(a.Blocks) }],
        Table t => [t with { Caption = Inlines(t.Caption), Rows = [.. t.Rows.Select(r => r with { Cells = [.. r.Cells.Select(c => c with { Content = Inlines(c.Content) })] })] }],
        Figure f => [f with { Caption = Inlines(f.Caption) }],
        _ => [b],
    };

    private ImmutableArray<Inline> Inlines(ImmutableArray<Inline> inlines) => [.. inlines.Select(Inline)];

    private Inline Inline(Inline i) => i switch
    {
        PythonInline p => Value(p),
        Emphasis e => e with { Content = Inlines(e.Content) },
        Link l => l with { Content = Inlines(l.Content) },
        Note n => n with { Content = Blocks(n.Content) },
        _ => i,
    };

    private Inline Value(PythonInline p)
    {
        if (!results.TryGetValue(p, out var reply)) return new Code(p.Expression, p.Span);
        if (reply.Value is { } value && reply.Error is null && reply.Timeout is null) return new Str(value, p.Span);
        Report(reply, p.Span, p.Span.Line);
        return new Code(p.Expression, p.Span);
    }

    private IEnumerable<Block> Cell(PythonCell c)
    {
        var span = c.Span;
        if (c.Echo) yield return ShownCode(c);
        if (!results.TryGetValue(c, out var reply)) yield break;
        Report(reply, span, c.FirstCodeLine);
        if (!c.ShowOutput) yield break;
        var printed = reply.Stdout.TrimEnd('\n');
        if (reply.Truncated) printed += $"\n[… output truncated: Bookish keeps the first {reply.Stdout.Length:N0} characters a cell prints]";
        if (printed.Length > 0) yield return new CodeBlock("output", printed, span);
        if (reply.Value is { } value) yield return new CodeBlock("output", value, span);
        if (reply.Table is { } table) yield return Table(table, span);
        for (var k = 0; k < reply.Figures.Count; k++)
        {
            var f = reply.Figures[k];
            byte[] pdf;
            try { pdf = Convert.FromBase64String(f.Pdf); } catch (FormatException) { continue; }
            var caption = c.Caption;
            yield return new Figure("", caption.Length > 0 ? Presentation.PlainText(caption) : "figure drawn by a Python cell", caption, span)
            {
                Label = k == 0 ? c.FigureLabel : null,
                Generated = new GeneratedImage(PageSvg(f.Svg), pdf),
                WidthFraction = c.WidthFraction > 0 ? c.WidthFraction : c.Side ? 0.45 : 0,
                Side = c.Side,
            };
        }
        if (reply.Error is { } error) yield return new CodeBlock("output error", MapTraceback(error.Traceback, reply.Id, c.FirstCodeLine), span);
        if (reply.Timeout is { } seconds) yield return new CodeBlock("output error", $"[stopped: the cell ran longer than its {seconds} s timeout]", span);
    }

    /// <summary>
    /// The cell's code as a highlighted Python block, the lines marked with <c>!</c> highlighted as <c>hl_lines</c> are;
    /// a legacy cell's <c>output="expr"</c> ends the code shown, as in bookish.
    /// </summary>
    internal static CodeBlock ShownCode(PythonCell c)
    {
        var code = c.BookishValues && c.OutputExpression is { } expr ? c.Code + "\n" + expr : c.Code;
        return new CodeBlock("python", code, c.Span) { Attributes = new Highlighting.CodeAttributes("python", false, 1, c.Highlight) };
    }

    /// <summary>The diagnostic of a failed cell, at the document line the traceback names (else the cell's first line).</summary>
    private void Report(PythonReply reply, SourceSpan span, int firstLine)
    {
        if (reply.Truncated)
            diagnostics.Add(Diagnostic.Create(DiagnosticIds.PythonOutputTruncated, span, $"the cell printed more than {reply.Stdout.Length:N0} characters; the rest was dropped"));
        if (reply.Timeout is { } seconds)
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.PythonTimeout, span, $"the cell ran longer than {seconds} s and was stopped (an endless loop?); the rest of the document was built"));
        if (reply.Error is not { } error) return;
        var at = error.Line is { } line && line > 0 ? SourceSpan.At(span.Path, firstLine + line - 1, 1) : span;
        if (error.Module is { } module)
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.PythonModuleMissing, at, $"{error.Type}: {error.Message}; {PythonEnvironment.InstallHint(module)}"));
        else
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.PythonException, at, $"{error.Type}: {error.Message}".ReplaceLineEndings(" ")));
    }

    /// <summary>A DataFrame as a table: a header row (index name, then columns), numbers right-aligned.</summary>
    private static Table Table(PythonTable t, SourceSpan span)
    {
        TableCell Cell(string text) => new(text.Length == 0 ? [] : [new Str(text, span)], span);
        var rows = ImmutableArray.CreateBuilder<TableRow>();
        rows.Add(new TableRow(true, [.. t.Columns.Select(Cell)], span));
        foreach (var r in t.Rows) rows.Add(new TableRow(false, [.. r.Select(Cell)], span));
        var aligns = t.Columns.Select((_, k) => t.Rows.Count > 0 && t.Rows.All(r => k < r.Count && IsNumber(r[k])) ? TableAlign.Right : TableAlign.Left);
        var table = new Table([.. aligns], rows.ToImmutable(), span);
        return t.Total > t.Rows.Count
            ? table with { Caption = [new Str($"First {t.Rows.Count} of {t.Total:N0} rows.", span)] }
            : table;
    }

    private static bool IsNumber(string s) => double.TryParse(s.Replace("×10^", "e"), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>Python's traceback with the cell's pseudo-file replaced by the document and its line.</summary>
    internal string MapTraceback(string traceback, int id, int firstLine) =>
        CellFrame().Replace(traceback, m => int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture) == id
            ? $"File \"{Path.GetFileName(page.SourcePath)}\", line {firstLine + int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture) - 1}"
            : $"File \"an earlier cell\", line {m.Groups["line"].Value}");

    /// <summary>
    /// Matplotlib's SVG made fit to sit inside the page: no XML prolog, no global style element, black as the page's text
    /// colour (dark mode), and text in the page's font (the family is left to the style sheet; sizes stay).
    /// </summary>
    internal static string PageSvg(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start > 0) svg = svg[start..];
        if (svg.StartsWith("<svg", StringComparison.Ordinal)) svg = "<svg data-source=\"python\"" + svg[4..];
        svg = StyleElement().Replace(svg, "");
        svg = svg.Replace("#000000", "currentColor");
        svg = FontShorthand().Replace(svg, m => string.Concat(m.Groups["style"].Captures.Select(s => s.Value.Trim() switch
        {
            "italic" or "oblique" => "font-style: italic; ",
            "bold" => "font-weight: bold; ",
            var w when w.Length == 3 && char.IsAsciiDigit(w[0]) => $"font-weight: {w}; ",
            _ => "",
        })) + $"font-size: {m.Groups["size"].Value}");
        svg = FontFamily().Replace(svg, "");
        return svg;
    }

    [GeneratedRegex(@"File ""<bookish-cell-(?<id>\d+)>"", line (?<line>\d+)")] private static partial Regex CellFrame();
    [GeneratedRegex(@"<style[^>]*>.*?</style>", RegexOptions.Singleline)] private static partial Regex StyleElement();
    [GeneratedRegex(@"font:\s*(?:(?<style>(?:italic|oblique|normal|bold|[1-9]00))\s+)*(?<size>[\d.]+px)[^;""]*")] private static partial Regex FontShorthand();
    [GeneratedRegex(@"font-family:\s*[^;""]*;?")] private static partial Regex FontFamily();
}
