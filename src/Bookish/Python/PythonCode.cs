using System.Collections.Immutable;

namespace Bookish.Python;

/// <summary>Text helpers shared by both readers for cell bodies.</summary>
internal static class PythonCode
{
    /// <summary>The body without blank lines around it, and the offset (in the given text) of its first kept line.</summary>
    public static (string Code, int Offset) Trim(string body)
    {
        var text = body.Replace("\r", "");
        var offset = 0;
        while (true)
        {
            var nl = text.IndexOf('\n', offset);
            if (nl < 0 || text[offset..nl].Trim().Length > 0) break;
            offset = nl + 1;
        }
        var lines = text[offset..].Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        // Offsets are of the original text (with its \r): count them back.
        var original = 0;
        for (int i = 0, seen = 0; i < body.Length && seen < offset; i++, original++)
            if (body[i] != '\r') seen++;
        return (string.Join("\n", lines), original);
    }

    /// <summary>
    /// Bookish's <c>!</c> marker: a line that starts with <c>!</c> is highlighted when shown; the mark is not Python and
    /// is removed before the cell runs. Returns the code without marks and the marked 1-based lines.
    /// </summary>
    public static (string Code, ImmutableArray<int> Lines) HighlightMarks(string code)
    {
        var lines = code.Split('\n');
        var marked = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].StartsWith('!'))
            {
                lines[i] = lines[i][1..];
                marked.Add(i + 1);
            }
        return (string.Join("\n", lines), marked.ToImmutable());
    }
}
