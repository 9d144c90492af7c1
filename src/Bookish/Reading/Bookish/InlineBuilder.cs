using System.Collections.Immutable;
using System.Text;
using Bookish.Model;

namespace Bookish.Reading;

/// <summary>Collects inlines, merging text into <see cref="Str"/> runs and collapsing whitespace.</summary>
internal sealed class InlineBuilder(ChapterParser parser)
{
    private readonly List<Inline> _items = [];
    private readonly StringBuilder _text = new();
    private int _textStart = -1, _textEnd;

    public void Text(string s, int start, int endExclusive)
    {
        if (_textStart < 0) _textStart = start;
        _text.Append(s);
        _textEnd = endExclusive;
    }

    public void Space(int at)
    {
        if (_text.Length > 0 && _text[^1] == ' ') { _textEnd = at + 1; return; }
        if (_text.Length == 0 && (_items.Count == 0 || _items[^1] is SoftBreak or LineBreak)) return;
        Text(" ", at, at + 1);
    }

    public void Break(Inline br)
    {
        TrimTrailingSpace();
        Flush();
        if (_items.Count == 0) return;
        if (_items[^1] is SoftBreak && br is LineBreak) _items[^1] = br;
        else if (_items[^1] is not (SoftBreak or LineBreak)) _items.Add(br);
    }

    public void Add(Inline inline)
    {
        Flush();
        _items.Add(inline);
    }

    private void TrimTrailingSpace()
    {
        while (_text.Length > 0 && _text[^1] == ' ') _text.Length--;
    }

    private void Flush()
    {
        if (_text.Length > 0) _items.Add(new Str(_text.ToString(), parser.Span(_textStart, _textEnd)));
        _text.Clear();
        _textStart = -1;
    }

    public ImmutableArray<Inline> Finish()
    {
        TrimTrailingSpace();
        Flush();
        while (_items.Count > 0 && _items[^1] is SoftBreak or LineBreak) _items.RemoveAt(_items.Count - 1);
        return _items.ToImmutableArray();
    }
}
