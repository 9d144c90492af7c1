using Bookish.Text;

namespace Bookish.Security;

/// <summary>
/// Finds the line of a source file that names something (a front matter key's value, an attribute of the legacy
/// dialect's root), for diagnostics about values the model keeps without a span.
/// </summary>
internal static class SourceLocator
{
    /// <summary>Like <see cref="Locate(string, string?, string)"/> over several files: the first that holds the value.</summary>
    public static SourceSpan Locate(IEnumerable<string> paths, string? key, string value)
    {
        SourceSpan? first = null;
        foreach (var path in paths.Distinct())
        {
            var span = Locate(path, key, value);
            first ??= span;
            if (span.Column > 1 || span.EndColumn > span.Column) return span;
        }
        return first ?? SourceSpan.None;
    }

    /// <summary>The first line holding <c>key:</c> and <paramref name="value"/>, else one holding the value, else the key, else line 1.</summary>
    public static SourceSpan Locate(string path, string? key, string value)
    {
        string[] lines;
        try { lines = File.Exists(path) ? File.ReadLines(path).Take(100_000).ToArray() : []; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { lines = []; }
        int Find(Func<string, bool> match) => Array.FindIndex(lines, l => match(l));
        var keyed = key is null ? -1 : Find(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal) && value.Length > 0 && l.Contains(value, StringComparison.Ordinal));
        var line = keyed >= 0 ? keyed : value.Length > 0 ? Find(l => l.Contains(value, StringComparison.Ordinal)) : -1;
        if (line < 0 && key is not null) line = Find(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        if (line < 0) return SourceSpan.At(path, 1, 1);
        var column = value.Length > 0 ? lines[line].IndexOf(value, StringComparison.Ordinal) : -1;
        return column < 0
            ? SourceSpan.At(path, line + 1, 1)
            : new SourceSpan(path, line + 1, column + 1, line + 1, column + value.Length);
    }
}
