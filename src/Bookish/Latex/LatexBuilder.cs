using System.Text;
using Bookish.Text;

namespace Bookish.Latex;

/// <summary>Accumulates LaTeX and remembers which source span produced each output line.</summary>
internal sealed class LatexBuilder
{
    private readonly StringBuilder _sb = new();
    private readonly SortedDictionary<int, SourceSpan> _lineMap = [];
    private int _line = 1;

    public void Mark(SourceSpan span)
    {
        if (!span.IsNone) _lineMap[_line] = span;
    }

    /// <summary>Lines from here on belong to no source construct (the template's closing lines).</summary>
    public void Unmark() => _lineMap[_line] = SourceSpan.None;

    public LatexBuilder Append(string s)
    {
        _sb.Append(s);
        foreach (var c in s) if (c == '\n') _line++;
        return this;
    }

    public LatexBuilder Line(string s = "") => Append(s).Append("\n");

    public override string ToString() => _sb.ToString();

    public IReadOnlyDictionary<int, SourceSpan> LineMap => _lineMap;

    /// <summary>Complete lines written so far.</summary>
    public int LineCount => _line - 1;
}
