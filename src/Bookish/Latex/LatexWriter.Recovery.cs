using System.Collections.Immutable;
using System.Text;
using Bookish.Model;

namespace Bookish.Latex;

/// <summary>Visible markers for what could not be typeset: valid LaTeX whatever the failed source holds, wrapping within the text width.</summary>
public sealed partial class LatexWriter
{
    /// <summary>A framed block: a short explanation, then the failed source in typewriter type (escaped, on one line, breakable).</summary>
    internal static string ErrorBox(string message, string source) =>
        $"\\bookisherror{{{LatexEscaper.Marker(message)}}}{{{LatexEscaper.Marker(source)}}}";

    /// <summary>An inline marker for a failed inline piece (an equation the renderer already reported).</summary>
    private static string BrokenMarker(string tex) => $"\\bookishbroken{{{LatexEscaper.Marker(tex)}}}";

    private void FailedBlock(Block block, string failure)
    {
        var what = block switch
        {
            Model.MathBlock { Environment: MathEnvironment.RawLatex } or RawBlock => "raw LaTeX block",
            Model.MathBlock => "equation",
            Model.Table => "table",
            Model.Figure => "figure",
            ListBlock => "list",
            Heading => "heading",
            _ => "passage",
        };
        _out.Line(ErrorBox($"LaTeX could not typeset this {what}: {failure}", PlainText([block])));
        _out.Line();
    }

    /// <summary>The source-like text of blocks, for a marker: words, math in dollars, raw LaTeX as written.</summary>
    private static string PlainText(IEnumerable<Block> blocks)
    {
        var sb = new StringBuilder();
        foreach (var b in blocks)
        {
            if (sb.Length > 0) sb.Append(' ');
            switch (b)
            {
                case Paragraph p: Plain(sb, p.Content); break;
                case Heading h: Plain(sb, h.Content); break;
                case Model.MathBlock m: sb.Append(m.Tex); break;
                case RawBlock r: sb.Append(r.Text); break;
                case CodeBlock c: sb.Append(c.Code); break;
                case ListBlock l: sb.Append(PlainText(l.Items.SelectMany(i => i.Blocks))); break;
                case BlockQuote q: sb.Append(PlainText(q.Blocks)); break;
                case Aside a: sb.Append(PlainText(a.Blocks)); break;
                case Model.Table t: foreach (var r in t.Rows) foreach (var c in r.Cells) { Plain(sb, c.Content); sb.Append(" | "); } break;
                case Model.Figure f: Plain(sb, f.Caption); break;
                case CheckBlock c: sb.Append(c.Display); break;
            }
        }
        return sb.ToString();
    }

    private static void Plain(StringBuilder sb, ImmutableArray<Inline> inlines)
    {
        foreach (var i in inlines)
            switch (i)
            {
                case Str s: sb.Append(s.Value); break;
                case SoftBreak or LineBreak: sb.Append(' '); break;
                case Emphasis e: Plain(sb, e.Content); break;
                case Link l: Plain(sb, l.Content); break;
                case Code c: sb.Append(c.Value); break;
                case MathInline m: sb.Append('$').Append(m.Tex).Append('$'); break;
                case RawInline r: sb.Append(r.Text); break;
            }
    }
}
