using Bookish.Model;
using Bookish.Text;

namespace Bookish.Notation;

/// <summary>
/// Maps offsets inside a math fragment's TeX to 1-based line/column in the source. With the source text it aligns the TeX
/// with the text between the delimiters (exact, also for multi-line display math and block quotes); without it, it
/// computes positions from the fragment's span: inline math starts at its opening <c>$</c>, so a single-line fragment's
/// offset <c>i</c> is at column <c>span.Column + opener + i</c>.
/// </summary>
internal sealed class TexLocator
{
    private readonly string _path;
    private readonly (int Line, int Column)[] _map;

    private TexLocator(string path, (int, int)[] map) => (_path, _map) = (path, map);

    public SourceSpan Span(int start, int endExclusive)
    {
        if (_map.Length == 0) return SourceSpan.None with { Path = _path };
        var (l1, c1) = _map[Math.Clamp(start, 0, _map.Length - 1)];
        var (l2, c2) = _map[Math.Clamp(Math.Max(start, endExclusive - 1), 0, _map.Length - 1)];
        return new SourceSpan(_path, l1, c1, l2, c2);
    }

    public static TexLocator ForInline(string tex, SourceSpan span, SourceText? source)
    {
        // the reader prefixes $$…$$ written inside a paragraph with \displaystyle
        const string prefix = @"\displaystyle ";
        if (source is not null && Region(source, span) is { } region)
        {
            var opener = region.Text.StartsWith("$$", StringComparison.Ordinal) ? 2
                : region.Text.StartsWith('$') ? 1
                : region.Text.StartsWith(@"\(", StringComparison.Ordinal) ? 2 : 0;
            var skip = opener == 2 && region.Text[0] == '$' && tex.StartsWith(prefix, StringComparison.Ordinal) ? prefix.Length : 0;
            return Align(tex, skip, source, region.Start + opener, region.End, span);
        }
        var single = span.Line == span.EndLine;
        var width = span.EndColumn - span.Column + 1;
        int open, shift = 0;
        if (!single || width == tex.Length + 2) open = 1;
        else if (tex.StartsWith(prefix, StringComparison.Ordinal) && width == tex.Length - prefix.Length + 4) { open = 2; shift = prefix.Length; }
        else open = 2;
        var map = new (int, int)[tex.Length + 1];
        int line = span.Line, col = span.Column + open - shift;
        for (var i = 0; i <= tex.Length; i++)
        {
            map[i] = i < shift ? (span.Line, span.Column) : (line, col);
            if (i < tex.Length && tex[i] == '\n') { line++; col = 1; }
            else col++;
        }
        return new TexLocator(span.Path, map);
    }

    public static TexLocator ForBlock(string tex, MathEnvironment environment, SourceSpan span, SourceText? source)
    {
        if (source is not null && Region(source, span) is { } region)
        {
            var t = region.Text;
            var lead = t.Length - t.TrimStart().Length;
            var body = t[lead..];
            var opener = body.StartsWith("$$", StringComparison.Ordinal) || body.StartsWith(@"\[", StringComparison.Ordinal) ? 2
                : body.StartsWith(@"\begin{", StringComparison.Ordinal) ? body.IndexOf('}') + 1 : 0;
            return Align(tex, 0, source, region.Start + lead + opener, region.End, span);
        }
        var texLines = tex.Split('\n').Length;
        var spanLines = span.EndLine - span.Line + 1;
        var openerLength = environment.LatexName() is { } name ? ("\\begin{" + name + "}").Length : 2;
        int line, col;
        if (spanLines >= texLines + 2) { line = span.Line + 1 + (spanLines - texLines - 2); col = 1; }
        else { line = span.Line; col = span.Column + openerLength; }
        var map = new (int, int)[tex.Length + 1];
        for (var i = 0; i <= tex.Length; i++)
        {
            map[i] = (line, col);
            if (i < tex.Length && tex[i] == '\n') { line++; col = 1; }
            else col++;
        }
        return new TexLocator(span.Path, map);
    }

    private static (string Text, int Start, int End)? Region(SourceText source, SourceSpan span)
    {
        if (span.IsNone || span.Line > source.LineCount) return null;
        var start = source.Offset(span.Line, span.Column);
        var end = Math.Min(source.Text.Length, source.Offset(span.EndLine, span.EndColumn) + 1);
        return start < end ? (source.Text[start..end], start, end) : null;
    }

    /// <summary>Finds the TeX's characters, in order, in the source between the delimiters.</summary>
    private static TexLocator Align(string tex, int skip, SourceText source, int from, int end, SourceSpan span)
    {
        var map = new (int, int)[tex.Length + 1];
        var text = source.Text;
        var p = from;
        var opener = source.Position(Math.Max(0, from - 1));
        for (var i = 0; i < tex.Length; i++)
        {
            if (i < skip) { map[i] = source.Position(Math.Max(0, from - 2)); continue; }
            if (char.IsWhiteSpace(tex[i]) && p < end && !char.IsWhiteSpace(text[p]) && tex[i] != '\n')
            {
                map[i] = source.Position(p);
                continue;
            }
            var q = p;
            while (q < end && text[q] != tex[i]) q++;
            if (q < end) { map[i] = source.Position(q); p = q + 1; }
            else map[i] = i > 0 ? map[i - 1] : opener;
        }
        map[tex.Length] = source.Position(p);
        return new TexLocator(span.Path, map);
    }
}
