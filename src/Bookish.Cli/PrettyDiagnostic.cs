using System.Text;
using Bookish.Diagnostics;

namespace Bookish.Cli;

/// <summary>One diagnostic in rustc's shape: a headline, the place, the source line and a caret under the span.</summary>
internal static class PrettyDiagnostic
{
    public static string Format(Diagnostic d, SourceExcerpts sources, bool color)
    {
        string Paint(string text, string code) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
        var (word, tint) = d.Severity switch { Severity.Error => ("error", "1;31"), Severity.Warning => ("warning", "1;33"), _ => ("info", "1;36") };
        var lines = d.Message.Replace("\r", "").Split('\n');
        var sb = new StringBuilder();
        sb.Append(Paint($"{word}[{d.Id}]", tint)).Append(Paint(": " + lines[0], "1")).Append('\n');
        if (d.Span.IsNone)
        {
            if (d.Span.Path.Length > 0) sb.Append("  --> ").Append(d.Span.Path).Append('\n');
        }
        else
        {
            var gutter = new string(' ', d.Span.Line.ToString().Length);
            sb.Append(gutter).Append(Paint("--> ", "1;34")).Append(d.Span).Append('\n');
            if (sources.Line(d.Span.Path, d.Span.Line) is { } source)
            {
                var text = source.Replace("\t", "    ");
                var start = Math.Clamp(Expanded(source, d.Span.Column - 1), 0, text.Length);
                var end = d.Span.EndLine == d.Span.Line && d.Span.EndColumn >= d.Span.Column ? Expanded(source, d.Span.EndColumn) : text.TrimEnd().Length;
                var width = Math.Max(1, Math.Min(end, text.Length) - start);
                sb.Append(gutter).Append(Paint(" |", "1;34")).Append('\n');
                sb.Append(Paint(d.Span.Line + " |", "1;34")).Append(' ').Append(text).Append('\n');
                sb.Append(gutter).Append(Paint(" |", "1;34")).Append(' ').Append(new string(' ', start)).Append(Paint(new string('^', width), tint)).Append('\n');
            }
        }
        foreach (var more in lines.Skip(1).Where(l => l.Trim().Length > 0))
            sb.Append("   = ").Append(more.TrimEnd()).Append('\n');
        if (d.Replacement is not null) sb.Append("   = ").Append(Paint("help", "1")).Append(": replace with ").Append(d.Replacement).Append('\n');
        return sb.Append('\n').ToString();
    }

    /// <summary>The display column of a 0-based character index once tabs are four spaces.</summary>
    private static int Expanded(string line, int index)
    {
        var column = 0;
        for (var i = 0; i < Math.Min(index, line.Length); i++) column += line[i] == '\t' ? 4 : 1;
        return column + Math.Max(0, index - line.Length);
    }
}

/// <summary>Source lines by path and 1-based line, each file read once; null when the file cannot be read.</summary>
internal sealed class SourceExcerpts
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public string? Line(string path, int line)
    {
        if (!_files.TryGetValue(path, out var lines))
        {
            try { lines = File.Exists(path) && new FileInfo(path).Length < 16 << 20 ? File.ReadAllText(path).Replace("\r", "").Split('\n') : null; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { lines = null; }
            _files[path] = lines;
        }
        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1] : null;
    }
}
