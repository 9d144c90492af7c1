using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Reading;

/// <summary>
/// Reads one file of the legacy dialect into blocks. A hand-written scanner over offsets of the source, so every node
/// and diagnostic carries its span; bad input becomes a diagnostic and the scan goes on.
/// </summary>
internal sealed partial class ChapterParser
{
    private readonly SourceText _source;
    private readonly string _t;
    private readonly ReadContext _ctx;
    private readonly int _chapter;
    private readonly bool _legacy;
    private readonly string _baseDirectory;
    private ImmutableArray<Block> _abstract = [];
    private ImmutableArray<Block> _preAbstract = [];
    private ImmutableArray<Author> _authors = [];

    public ChapterParser(SourceText source, ReadContext ctx, int chapter, bool legacy)
    {
        _source = source;
        _t = source.Text;
        _ctx = ctx;
        _chapter = chapter;
        _legacy = legacy;
        _baseDirectory = Path.GetDirectoryName(Path.GetFullPath(source.Path)) ?? ".";
    }

    private DiagnosticBag Diagnostics => _ctx.Diagnostics;

    // ---------------------------------------------------------------- helpers

    internal SourceSpan Span(int start, int endExclusive) => _source.Span(start, Math.Max(start, endExclusive - 1));

    private void Error(int start, int endExclusive, string message) =>
        Diagnostics.Add(Diagnostic.Error(DiagnosticIds.DialectSyntax, Span(start, endExclusive), message));

    private void Warning(int start, int endExclusive, string message) =>
        Diagnostics.Add(Diagnostic.Warning(DiagnosticIds.DialectSyntax, Span(start, endExclusive), message));

    private bool At(int i, string s) => i >= 0 && i + s.Length <= _t.Length && string.CompareOrdinal(_t, i, s, 0, s.Length) == 0;

    private bool AtLineStart(int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (_t[j] == '\n') return true;
            if (_t[j] is not (' ' or '\t' or '\r')) return false;
        }
        return true;
    }

    private int SkipWhitespace(int i, int end)
    {
        while (i < end)
        {
            if (char.IsWhiteSpace(_t[i])) { i++; continue; }
            if (At(i, "<!--"))
            {
                var close = _t.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0 || close + 3 > end)
                {
                    Error(i, i + 4, "comment <!-- is not closed with -->");
                    return end;
                }
                i = close + 3;
                continue;
            }
            break;
        }
        return i;
    }

    private int IndexOf(string s, int from, int end)
    {
        if (from >= end) return -1;
        var k = _t.IndexOf(s, from, end - from, StringComparison.Ordinal);
        return k;
    }

    /// <summary>Consumes a tag: reports its syntax errors and returns the offset after it.</summary>
    private int Consume(Tag tag)
    {
        foreach (var (s, e, m) in tag.Errors) Error(s, Math.Max(s + 1, e), m);
        return tag.End;
    }

    /// <summary>Reads a closed element's raw body up to <c>&lt;/name&gt;</c>; returns the body range and the offset after the end tag.</summary>
    private (int Start, int End, int Next) RawBody(Tag tag, int end)
    {
        var start = Consume(tag);
        var closer = "</" + tag.Name + ">";
        var close = IndexOf(closer, start, end);
        if (close < 0)
        {
            Error(tag.Start, tag.End, $"<{tag.Name}> is not closed: expected {closer}");
            return (start, end, end);
        }
        return (start, close, close + closer.Length);
    }

    /// <summary>Parses the inside of a closed element as blocks and consumes its end tag.</summary>
    private ImmutableArray<Block> ElementBlocks(Tag tag, ref int pos, int end)
    {
        pos = Consume(tag);
        var name = tag.Name;
        var blocks = Blocks(ref pos, end, t => t.Closes(name));
        pos = SkipWhitespace(pos, end);
        if (pos < end && TagReader.TryRead(_t, pos, end) is { } close && close.Closes(name)) pos = Consume(close);
        else Error(tag.Start, tag.End, $"<{name}> is not closed: expected </{name}>");
        return blocks;
    }

    private ImmutableArray<Inline> AttrInlines(TagAttribute? attr)
    {
        if (attr is null) return [];
        if (attr.Markup) return Inlines(attr.ValueStart, attr.ValueEnd);
        return attr.Value.Length == 0 ? [] : [new Str(attr.Value, Span(attr.ValueStart, attr.ValueEnd))];
    }

    internal static string PlainText(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i switch
    {
        Str s => s.Value,
        Emphasis e => PlainText(e.Content),
        Link l => PlainText(l.Content),
        Code c => c.Value,
        MathInline m => "$" + m.Tex + "$",
        SoftBreak or LineBreak => " ",
        _ => "",
    }));
}
