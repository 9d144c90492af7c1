using System.Collections.Immutable;
using System.Text;
using Bookish.Model;

namespace Bookish.Latex;

internal sealed partial class LatexWriter
{
    /// <param name="moving">True inside moving arguments (headings, captions): notes become \protect'ed.</param>
    private string Inlines(ImmutableArray<Inline> inlines, bool moving = false)
    {
        var sb = new StringBuilder();
        var pairs = HtmlInlineTag.Pairs(inlines);
        var closes = new Dictionary<int, string>();
        for (var k = 0; k < inlines.Length; k++)
        {
            if (closes.Remove(k, out var close)) { sb.Append(close); continue; }
            if (pairs.TryGetValue(k, out var at))
            {
                var (open, end) = HtmlOpening(HtmlInlineTag.Of(inlines[k])!);
                sb.Append(open);
                closes[at] = end;
                continue;
            }
            sb.Append(Inline(inlines[k], moving));
        }
        return sb.ToString();
    }

    private string Inline(Inline inline, bool moving) => inline switch
    {
        Str s => moving ? LatexEscaper.EscapeMoving(s.Value) : LatexEscaper.Escape(s.Value),
        SoftBreak => "\n",
        LineBreak => "\\\\\n",
        Emphasis { Strong: true } e => $"\\textbf{{{Inlines(e.Content, moving)}}}",
        Emphasis e => $"\\emph{{{Inlines(e.Content, moving)}}}",
        Code c => $"\\texttt{{{LatexEscaper.Escape(c.Value)}}}",
        // A link that shows its address may break inside it rather than stick out of the line.
        Link { Content: [Str { Value: var shown }] } l when !moving && (shown.Contains("://") || shown.StartsWith("www.", StringComparison.Ordinal)) && !shown.Contains(' ')
            => $"\\href{{{LatexEscaper.Url(l.Url)}}}{{{LatexEscaper.BreakableAddress(shown)}}}",
        Link l => $"\\href{{{LatexEscaper.Url(l.Url)}}}{{{Inlines(l.Content, moving)}}}",
        Image img => $"[{LatexEscaper.Escape(img.Alt)}]",
        MathInline m when _context.IsBrokenMath(m.Tex, Equations.MathMode.Inline) => BrokenMarker(m.Tex),
        // In a heading the outline (bookmarks) gets the formula as Unicode text (α, ∇, x², x₁), which hyperref cannot make of math.
        MathInline m when moving => $"\\texorpdfstring{{${m.Tex}$}}{{{OutlineText.ForPdfString(m.Tex)}}}",
        MathInline m => $"${m.Tex}$",
        Note n => NoteText(n, moving),
        CrossRef x => CrossRef(x),
        Citation c => CitationText(c),
        RawInline r when r.Format == "latex" => r.Text,
        RawInline r when HtmlInlineTag.Of(r) is { Name: "br" } => moving ? " " : "\\newline{}",
        _ => "",
    };

    /// <summary>The author's inline HTML in the PDF: the text stays, with colour, superscript, keys and emphasis where they map.</summary>
    private static (string Open, string Close) HtmlOpening(HtmlInlineTag tag)
    {
        var command = tag.Name switch
        {
            "sup" => "\\textsuperscript{",
            "sub" => "\\textsubscript{",
            "kbd" or "code" or "samp" or "tt" => "\\texttt{",
            "b" or "strong" => "\\textbf{",
            "i" or "em" or "cite" or "var" or "dfn" => "\\emph{",
            "u" or "ins" => "\\underline{",
            "small" => "{\\small ",
            _ => "{",
        };
        return tag.Colour is { } hex ? ($"{{\\color[HTML]{{{hex}}}{command}", "}}") : (command, "}");
    }

    private string NoteText(Note n, bool moving)
    {
        var sb = new StringBuilder();
        foreach (var b in n.Content)
        {
            if (sb.Length > 0) sb.Append("\\par ");
            if (b is Paragraph p) sb.Append(Inlines(p.Content));
            else if (b is MathBlock m) sb.Append("\\[").Append(m.Tex).Append("\\]");
        }
        var cmd = moving ? "\\protect\\footnote" : "\\footnote";
        return $"{cmd}[{n.Number}]{{{sb}}}";
    }

    private string CrossRef(CrossRef x)
    {
        var target = _page.Labels.Find(x.Label);
        // An equation tagged with TeX (\tag{$\star$}) is referred to by the tag as written, as LaTeX's own \eqref prints it.
        var text = target is { Kind: LabelKind.Equation, NumberTex: { } tagTex }
            ? (x.Parenthesized ? $"({tagTex})" : tagTex)
            : LatexEscaper.Escape(Presentation.CrossRefText(target, x));
        if (target is null) return text;
        var label = target.Kind == LabelKind.Equation ? LabelOf(target.Id) : LabelOf(x.Label);
        return target.Kind == LabelKind.Equation ? $"\\hyperlink{{{label}}}{{{text}}}" : $"\\hyperref[{label}]{{{text}}}";
    }
}
