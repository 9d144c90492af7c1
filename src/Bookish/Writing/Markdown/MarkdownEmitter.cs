using System.Collections.Immutable;
using System.Text;
using Bookish.Model;

namespace Bookish.Writing.Markdown;

/// <summary>Block writing; inline writing is in <c>MarkdownEmitter.Inlines.cs</c>. Collects notes as it goes.</summary>
internal sealed partial class MarkdownEmitter
{
    private readonly List<(string Label, ImmutableArray<Block> Content)> _notes = [];
    private int _footnotes, _sidenotes, _asideDepth;

    public string Blocks(ImmutableArray<Block> blocks) =>
        string.Join("\n\n", blocks.Select(Block).Where(b => b.Length > 0));

    private string Block(Block block) => block switch
    {
        Heading h => Heading(h),
        Paragraph p => Paragraph(p.Content),
        MathBlock m => MathText(m),
        CodeBlock c => Fenced(CodeInfo(c), c.Code),
        PythonCell c => PythonCellText(c),
        ListBlock l => List(l),
        BlockQuote q => Prefix(Blocks(q.Blocks), "> ", ">"),
        Table t => Table(t),
        Figure f => Figure(f),
        ThematicBreak => "* * *",
        RawBlock r => Fenced("{=" + r.Format + "}", r.Text),
        Aside a => Aside(a),
        Theorem t => Theorem(t),
        NotationTablePlaceholder => Fenced("notation", ""),
        CheckBlock c => Fenced("check", c.Source),
        _ => "",
    };

    private string Heading(Heading h)
    {
        var text = Inlines(h.Content, InlineMode.SingleLine).Trim();
        var attributes = new List<string>();
        if (h.Label is { Length: > 0 } label) attributes.Add("#" + label);
        if (!h.Numbered) attributes.Add(".unnumbered");
        var suffix = attributes.Count == 0 ? "" : " {" + string.Join(" ", attributes) + "}";
        return new string('#', Math.Clamp(h.Level, 1, 6)) + " " + text + suffix;
    }

    private string Paragraph(ImmutableArray<Inline> content) => Inlines(content, InlineMode.Paragraph).Trim();

    private static string MathText(MathBlock m)
    {
        var tex = m.Tex.Trim();
        if (m.Environment == MathEnvironment.RawLatex) return Fenced("texblock", tex);
        if (m.Environment.LatexName() is { } env) return $"\\begin{{{env}}}\n{tex}\n\\end{{{env}}}";
        return "$$\n" + tex + "\n$$";
    }

    internal static string Fenced(string info, string code)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = System.Math.Max(longest, run);
        }
        var fence = new string('`', System.Math.Max(3, longest + 1));
        return fence + info + "\n" + code.TrimEnd('\n') + (code.Length > 0 ? "\n" : "") + fence;
    }

    private string List(ListBlock l)
    {
        var tight = l.Items.All(i => i.Blocks.Length <= 1 && i.Blocks.All(b => b is Paragraph));
        var items = new List<string>();
        for (var i = 0; i < l.Items.Length; i++)
        {
            var marker = l.Ordered ? $"{l.Start + i}. " : "- ";
            var body = Blocks(l.Items[i].Blocks);
            items.Add(body.Length == 0 ? marker.TrimEnd() : marker + Indent(body, marker.Length));
        }
        return string.Join(tight ? "\n" : "\n\n", items);
    }

    /// <summary>Indents every line but the first (which follows a list marker).</summary>
    private static string Indent(string text, int width)
    {
        var pad = new string(' ', width);
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
            if (lines[i].Length > 0) lines[i] = pad + lines[i];
        return string.Join("\n", lines);
    }

    private static string Prefix(string text, string prefix, string blankPrefix) =>
        string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? blankPrefix : prefix + l));

    private string Table(Table t)
    {
        var columns = System.Math.Max(1, t.Rows.Select(r => r.Cells.Length).DefaultIfEmpty(0).Max());
        var rows = t.Rows.ToList();
        string Row(TableRow? r) =>
            "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(c =>
                r is not null && c < r.Cells.Length ? Inlines(r.Cells[c].Content, InlineMode.TableCell).Trim() : "")) + " |";
        var sb = new StringBuilder();
        TableRow? header = rows.Count > 0 && rows[0].IsHeader ? rows[0] : null;
        if (header is not null) rows.RemoveAt(0);
        sb.Append(Row(header)).Append('\n');
        sb.Append("|" + string.Join("|", Enumerable.Range(0, columns).Select(c => (c < t.Aligns.Length ? t.Aligns[c] : TableAlign.None) switch
        {
            TableAlign.Left => ":---",
            TableAlign.Center => ":---:",
            TableAlign.Right => "---:",
            _ => "---",
        })) + "|");
        foreach (var r in rows) sb.Append('\n').Append(Row(r));
        if (t.Caption.Length > 0 || t.Label is not null)
        {
            sb.Append("\n\nTable: ").Append(Inlines(t.Caption, InlineMode.SingleLine).Trim());
            if (t.Label is { } label) sb.Append(" {#").Append(label).Append('}');
        }
        return sb.ToString();
    }

    private string Figure(Figure f)
    {
        var caption = Inlines(f.Caption, InlineMode.SingleLine).Trim();
        var attributes = new List<string>();
        if (f.Label is { Length: > 0 } label) attributes.Add("#" + label);
        if (f.WidthFraction > 0) attributes.Add("width=" + FrontMatter.Percent(f.WidthFraction));
        var suffix = attributes.Count == 0 ? "" : "{" + string.Join(" ", attributes) + "}";
        return "![" + caption + "](" + Destination(f.Source) + ")" + suffix;
    }

    private string Aside(Aside a)
    {
        _asideDepth++;
        var fence = new string(':', 2 + _asideDepth);
        var title = Inlines(a.Title, InlineMode.SingleLine).Trim();
        var body = Blocks(a.Blocks);
        _asideDepth--;
        return fence + a.Kind + (title.Length > 0 ? " " + title : "") + "\n" + body + "\n" + fence;
    }

    /// <summary>Footnote definitions for the notes met so far, in order.</summary>
    public string NoteDefinitions()
    {
        var parts = new List<string>();
        for (var i = 0; i < _notes.Count; i++) // notes may add notes while being written
        {
            var (label, content) = _notes[i];
            var body = Blocks(content);
            if (body.Length == 0) body = "\u00A0";
            var lines = body.Split('\n');
            for (var k = 1; k < lines.Length; k++)
                if (lines[k].Length > 0) lines[k] = "    " + lines[k];
            parts.Add($"[^{label}]: " + string.Join("\n", lines));
        }
        return string.Join("\n\n", parts);
    }

    private string NoteReference(Note n)
    {
        var label = n.Side ? "side-" + (++_sidenotes) : (++_footnotes).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _notes.Add((label, n.Content));
        return "[^" + label + "]";
    }
}
