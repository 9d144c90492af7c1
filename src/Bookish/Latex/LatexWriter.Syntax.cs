using System.Text;
using Bookish.Model;

namespace Bookish.Latex;

/// <summary>Theorem-likes as amsthm environments, citations in the bibliography's style.</summary>
internal sealed partial class LatexWriter
{
    /// <summary>
    /// amsthm and one environment per kind the publication uses (<c>bktheorem</c>, …, amsthm's own <c>proof</c>), in
    /// amsthm's styles. Numbered kinds print the model's number (<c>\thebktheorem</c> set before each), so the PDF says
    /// what the page says, chapter prefix included.
    /// </summary>
    private void TheoremPreamble()
    {
        var kinds = _context.Publication.Pages.SelectMany(ModelWalker.Blocks).OfType<Theorem>().Select(t => t.Kind).Distinct().ToList();
        if (kinds.Count == 0) return;
        _out.Line("\\usepackage{amsthm}");
        foreach (var style in new[] { "plain", "definition", "remark" })
        {
            var ofStyle = kinds.Where(k => k.Style == style).ToList();
            if (ofStyle.Count == 0) continue;
            _out.Line($"\\theoremstyle{{{style}}}");
            foreach (var k in ofStyle)
                _out.Line(k.Numbered ? $"\\newtheorem{{{k.LatexEnvironment}}}{{{k.Word}}}" : $"\\newtheorem*{{{k.LatexEnvironment}}}{{{k.Word}}}");
        }
        if (kinds.Any(k => k.IsProof)) _out.Line("\\renewcommand{\\qedsymbol}{\\ensuremath{\\blacksquare}}");
    }

    private void TheoremBlock(Theorem t)
    {
        var env = t.Kind.LatexEnvironment;
        if (t.Number.Length > 0) _out.Line($"\\renewcommand{{\\the{env}}}{{{LatexEscaper.Escape(t.Number)}}}%");
        var title = t.Title.Length > 0 ? $"[{Inlines(t.Title, moving: true)}]" : "";
        _out.Line($"\\begin{{{env}}}{title}");
        if (t.Label is { Length: > 0 } label) _out.Line($"\\label{{{LabelOf(label)}}}%");
        else if (t.Id.Length > 0) _out.Line($"\\hypertarget{{{LabelOf(t.Id)}}}{{}}%");
        // A proof's ∎ ends its last line: that paragraph runs straight into \end{proof}, with no paragraph break between.
        var last = t.Kind.IsProof && t.Blocks.Length > 0 && t.Blocks[^1] is Paragraph p && !_context.Failed.ContainsKey(p.Span) ? p : null;
        foreach (var b in t.Blocks)
        {
            if (ReferenceEquals(b, last)) { _out.Mark(b.Span); _out.Line(Inlines(last.Content)); }
            else Block(b);
        }
        _out.Line($"\\end{{{env}}}");
    }

    /// <summary>A citation as the page prints it, the numbers or years linked to the reference list; a label's key is a cross-reference.</summary>
    private string CitationText(Citation c)
    {
        if (CitationLabels.AsCrossRef(c, _page.Labels) is { } x) return CrossRef(x);
        var sb = new StringBuilder();
        foreach (var piece in _context.Bibliography.Pieces(c))
            sb.Append(piece.RefId is null ? LatexEscaper.Escape(piece.Text) : $"\\hyperlink{{{piece.RefId}}}{{{LatexEscaper.Escape(piece.Text)}}}");
        return sb.ToString();
    }
}
