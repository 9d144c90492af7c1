namespace Bookish.Text;

/// <summary>A 1-based location in a source file: the start line and column, and the end (inclusive).</summary>
public sealed record SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan None { get; } = new("", 0, 0, 0, 0);

    public static SourceSpan At(string path, int line, int column) => new(path, line, column, line, column);

    public bool IsNone => Line == 0;

    public override string ToString() => IsNone ? Path : $"{Path}:{Line}:{Column}";
}
