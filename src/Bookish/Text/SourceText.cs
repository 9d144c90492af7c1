namespace Bookish.Text;

/// <summary>A source file's text with a line map from zero-based offsets to 1-based line/column.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        _lineStarts = starts.ToArray();
    }

    public string Path { get; }
    public string Text { get; }
    public int LineCount => _lineStarts.Length;

    public static SourceText FromFile(string path) => new(path, File.ReadAllText(path));

    /// <summary>1-based (line, column) of a zero-based offset.</summary>
    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    public int Offset(int line, int column) => _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)] + column - 1;

    public SourceSpan Span(int start, int endInclusive)
    {
        var (l1, c1) = Position(start);
        var (l2, c2) = Position(Math.Max(start, endInclusive));
        return new SourceSpan(Path, l1, c1, l2, c2);
    }
}
