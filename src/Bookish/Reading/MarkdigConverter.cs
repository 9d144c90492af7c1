using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdBlock = Markdig.Syntax.Block;
using MdInline = Markdig.Syntax.Inlines.Inline;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using Model = Bookish.Model;

namespace Bookish.Reading;

/// <summary>Turns Markdig's syntax tree into model records with 1-based spans.</summary>
internal sealed partial class MarkdigConverter(SourceText source, DiagnosticBag diagnostics)
{
    private readonly HashSet<Footnote> _openNotes = [];

    public Text.SourceSpan Span(int start, int end) => source.Span(start + Offset, end + Offset);
    private Text.SourceSpan Span(MarkdownObject o) => source.Span(o.Span.Start + Offset, o.Span.End + Offset);

    /// <summary>Where the text Markdig read starts in <c>source</c> (an inline note read on its own).</summary>
    public int Offset { get; init; }

    public ImmutableArray<Model.Block> Blocks(IEnumerable<MdBlock> blocks)
    {
        var list = blocks.ToList();
        var result = ImmutableArray.CreateBuilder<Model.Block>();
        for (var i = 0; i < list.Count; i++)
        {
            var b = list[i];
            if (b is MdTable table)
            {
                var t = Table(table);
                // A following paragraph "Table: caption {#tbl:x}" is the table's caption.
                if (i + 1 < list.Count && list[i + 1] is ParagraphBlock p && CaptionText(p) is { } cap)
                {
                    t = t with { Caption = cap.Caption, Label = cap.Label };
                    i++;
                }
                result.Add(t);
                continue;
            }
            if (b is ParagraphBlock para && TableCaptionFirst(para, list, i) is { } capFirst)
            {
                var t2 = Table((MdTable)list[i + 1]) with { Caption = capFirst.Caption, Label = capFirst.Label };
                result.Add(t2);
                i++;
                continue;
            }
            if (Block(b) is { } converted) result.Add(converted);
        }
        return result.ToImmutable();
    }

    private (ImmutableArray<Model.Inline> Caption, string? Label)? TableCaptionFirst(ParagraphBlock p, List<MdBlock> list, int i) =>
        i + 1 < list.Count && list[i + 1] is MdTable ? CaptionText(p) : null;

    private (ImmutableArray<Model.Inline> Caption, string? Label)? CaptionText(ParagraphBlock p)
    {
        var inlines = Inlines(p.Inline);
        if (inlines.Length == 0 || inlines[0] is not Model.Str first) return null;
        var m = CaptionPrefix().Match(first.Value);
        if (!m.Success) return null;
        var rest = inlines.SetItem(0, first with { Value = first.Value[m.Length..] });
        var label = p.GetAttributes().Id;
        if (label is null && rest[^1] is Model.Str last && TrailingLabel().Match(last.Value) is { Success: true } lm)
        {
            label = lm.Groups[1].Value;
            rest = rest.SetItem(rest.Length - 1, last with { Value = last.Value[..lm.Index].TrimEnd() });
        }
        if (rest.Length > 0 && rest[^1] is Model.Str tail) rest = rest.SetItem(rest.Length - 1, tail with { Value = tail.Value.TrimEnd() });
        return (rest, label);
    }

    [GeneratedRegex(@"^(Table:|:)\s*")] private static partial Regex CaptionPrefix();
    [GeneratedRegex(@"\s*\{#([^}\s]+)\}\s*$")] private static partial Regex TrailingLabel();

    private Model.Block? Block(MdBlock block)
    {
        var span = Span(block);
        switch (block)
        {
            case HeadingBlock h:
            {
                var attrs = h.GetAttributes();
                var id = attrs.Id ?? "";
                var classes = attrs.Classes ?? [];
                var explicitLabel = id.Contains(':') ? id : null;
                return new Heading(h.Level, Inlines(h.Inline), id, span)
                {
                    Numbered = !classes.Contains("unnumbered") && !classes.Contains("-"),
                    Label = explicitLabel ?? id,
                };
            }
            case TexMathBlockSyntax m:
            {
                if (!m.Closed)
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnterminatedMath, span.Start(), $"display math is not closed: expected '{m.Closer}'"));
                var (tex, environment) = TexMathBlockParser.Unwrap(m.Body.ToString().Trim('\n', ' ', '\r'), m.Environment);
                return new MathBlock(tex, environment, span);
            }
            case ParagraphBlock p:
            {
                var inlines = Inlines(p.Inline);
                if (inlines.Length == 1 && inlines[0] is Model.Image img)
                {
                    var linkAttrs = (p.Inline?.FirstChild as LinkInline)?.GetAttributes();
                    var label = linkAttrs?.Id;
                    var width = linkAttrs?.Properties?.FirstOrDefault(kv => kv.Key == "width").Value;
                    var frac = width is not null && width.EndsWith('%') && double.TryParse(width.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture, out var w) ? w / 100 : 0;
                    var caption = img.Alt.Length == 0 ? [] : Inlines(p.Inline!.FirstChild as ContainerInline);
                    return new Figure(img.Source, img.Alt, caption, span) { Label = label, WidthFraction = frac };
                }
                return new Paragraph(inlines, span);
            }
            case FencedCodeBlock f:
            {
                var info = (f.Info ?? "").Trim();
                var code = string.Join("\n", (f.Lines.Lines ?? []).Take(f.Lines.Count).Select(l => l.Slice.ToString()));
                if (IsPythonFence(f, info)) return PythonCellBlock(f, code, span);
                return info switch
                {
                    "notation" => new NotationTablePlaceholder(span),
                    "check" => new CheckBlock(code, CheckDisplay(code), span),
                    "plot" => PlotFigure(code, span),
                    "texblock" => new MathBlock(code.Trim(), MathEnvironment.RawLatex, span),
                    "{=latex}" or "=latex" => new RawBlock("latex", code, span),
                    "{=html}" or "=html" => new RawBlock("html", code, span),
                    _ => CodeBlock(f, info, code, span),
                };
            }
            case Markdig.Syntax.CodeBlock c:
                return new Model.CodeBlock("", string.Join("\n", (c.Lines.Lines ?? []).Take(c.Lines.Count).Select(l => l.Slice.ToString())), span);
            case Markdig.Syntax.ListBlock l:
            {
                var start = int.TryParse(l.OrderedStart, out var s) ? s : 1;
                var items = l.OfType<ListItemBlock>().Select(li => new Model.ListItem(Blocks(li), Span(li))).ToImmutableArray();
                return new Model.ListBlock(l.IsOrdered, start, items, span);
            }
            case QuoteBlock q:
                return new BlockQuote(Blocks(q), span);
            case ThematicBreakBlock:
                return new ThematicBreak(span);
            case HtmlBlock html:
                return new RawBlock("html", string.Join("\n", html.Lines.Lines.Take(html.Lines.Count).Select(x => x.Slice.ToString())), span);
            case Syntax.FencedDivSyntax div:
                return Div(div, span);
            case FootnoteGroup:
            case LinkReferenceDefinitionGroup:
            case BlankLineBlock:
                return null;
            case ContainerBlock other:
                return new BlockQuote(Blocks(other), span);
            default:
                return null;
        }
    }

    /// <summary>A plot block is a figure drawn by Bookish; its caption and label come from its own lines.</summary>
    private Figure PlotFigure(string code, Bookish.Text.SourceSpan span)
    {
        string? Line(string key) => code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal))?[(key.Length + 1)..].Trim();
        var caption = Line("caption") ?? "";
        var captionInlines = caption.Length == 0 ? ImmutableArray<Model.Inline>.Empty
            : MarkdownReader.ReadFragment(caption, source.Path, diagnostics).OfType<Paragraph>().FirstOrDefault()?.Content ?? [];
        var label = Line("label")?.TrimStart('#');
        var width = Line("width") is { } w ? Plots.PlotSpec.ParseWidth(w) : 0;
        return new Figure("", caption.Length > 0 ? caption : "plot", captionInlines, span) { Label = label, PlotSource = code, WidthFraction = width };
    }

    /// <summary>A check block displays its claim as the equation.</summary>
    private static string CheckDisplay(string code)
    {
        foreach (var line in code.Split('\n'))
            if (line.TrimStart().StartsWith("claim:", StringComparison.Ordinal))
                return line.TrimStart()["claim:".Length..].Trim();
        return code.Trim();
    }

    private Model.Table Table(MdTable table)
    {
        var aligns = table.ColumnDefinitions.Select(c => c.Alignment switch
        {
            Markdig.Extensions.Tables.TableColumnAlign.Left => TableAlign.Left,
            Markdig.Extensions.Tables.TableColumnAlign.Center => TableAlign.Center,
            Markdig.Extensions.Tables.TableColumnAlign.Right => TableAlign.Right,
            _ => TableAlign.None,
        }).ToImmutableArray();
        var rows = table.OfType<MdTableRow>().Select(r => new Model.TableRow(r.IsHeader,
            r.OfType<MdTableCell>().Select(c => new Model.TableCell(
                c.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline)).ToImmutableArray(), Span(c))).ToImmutableArray(),
            Span(r))).ToImmutableArray();
        var columns = rows.Length == 0 ? 0 : rows.Max(r => r.Cells.Length);
        while (aligns.Length < columns) aligns = aligns.Add(TableAlign.None);
        return new Model.Table(aligns.Take(columns).ToImmutableArray(), rows, Span(table));
    }

    public ImmutableArray<Model.Inline> Inlines(ContainerInline? container)
    {
        if (container is null) return [];
        var result = new List<Model.Inline>();
        foreach (var inline in container) Inline(inline, result);
        return InlinePostProcessor.Process(MergeText(result));
    }

    private static List<Model.Inline> MergeText(List<Model.Inline> items)
    {
        var merged = new List<Model.Inline>();
        foreach (var item in items)
        {
            if (item is Model.Str t && merged.Count > 0 && merged[^1] is Model.Str prev)
                merged[^1] = new Model.Str(prev.Value + t.Value, new Bookish.Text.SourceSpan(prev.Span.Path, prev.Span.Line, prev.Span.Column, t.Span.EndLine, t.Span.EndColumn));
            else merged.Add(item);
        }
        return merged;
    }

    private void Inline(MdInline inline, List<Model.Inline> into)
    {
        var span = Span(inline);
        if (SyntaxInline(inline, span, into)) return;
        switch (inline)
        {
            case MathLikeTextSyntax suspect:
                into.Add(new Model.Str("$", span));
                diagnostics.Add(Diagnostic.Warning(DiagnosticIds.MathLeftAsText, span,
                    $"'{(suspect.Suspect.Length > 60 ? suspect.Suspect[..60] + "…" : suspect.Suspect)}' is left as text: math opens with a '$' followed by a non-space and closes with a '$' after a non-space and not before a digit (write '$x$', or '\\$' for a dollar sign)"));
                break;
            case LiteralInline lit:
                into.Add(new Model.Str(lit.Content.ToString(), span));
                break;
            case TexMathInlineSyntax m:
                into.Add(new MathInline(m.Display ? @"\displaystyle " + m.Tex : m.Tex, span));
                break;
            case TexRefSyntax r:
                into.Add(new CrossRef(r.Label, span) { Parenthesized = r.Parenthesized });
                break;
            case EmphasisInline e:
                into.Add(new Emphasis(Inlines(e), e.DelimiterCount >= 2, span));
                break;
            case CodeInline c:
                into.Add(PythonInlineExpression(c.Content) is { } expr ? new PythonInline(expr, span) : new Code(c.Content, span));
                break;
            case LinkInline { IsImage: true } img:
                into.Add(new Model.Image(img.Url ?? "", PlainText(img), span));
                break;
            case LinkInline link:
                into.Add(new Link(link.Url ?? "", Inlines(link), span) { Title = link.Title });
                break;
            case AutolinkInline auto:
                into.Add(new Link(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, [new Model.Str(auto.Url, span)], span));
                break;
            case LineBreakInline br:
                into.Add(br.IsHard ? new Model.LineBreak(span) : new SoftBreak(span));
                break;
            case HtmlEntityInline entity:
                into.Add(new Model.Str(entity.Transcoded.ToString(), span));
                break;
            case HtmlInline html:
                into.Add(new RawInline("html", html.Tag, span));
                break;
            case FootnoteLink { IsBackLink: false } fn:
            {
                var label = (fn.Footnote.Label ?? "").TrimStart('^');
                var side = label.StartsWith("side", StringComparison.OrdinalIgnoreCase) || label.StartsWith("margin", StringComparison.OrdinalIgnoreCase);
                // A note that cites itself (directly or through another note) would be read forever: cut the cycle.
                if (!_openNotes.Add(fn.Footnote))
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticIds.InputTooDeep, span, $"footnote [^{label}] refers to itself; the inner reference is dropped"));
                    break;
                }
                try { into.Add(new Note(Blocks(fn.Footnote), side, span)); }
                finally { _openNotes.Remove(fn.Footnote); }
                break;
            }
            case FootnoteLink:
                break;
            case ContainerInline ci:
                foreach (var child in ci) Inline(child, into);
                break;
            default:
                into.Add(new Model.Str(inline.ToString() ?? "", span));
                break;
        }
    }

    private static string PlainText(ContainerInline c) =>
        string.Concat(c.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}

internal static class SpanExtensions
{
    public static Text.SourceSpan Start(this Text.SourceSpan s) => s with { EndLine = s.Line, EndColumn = s.Column };
}
