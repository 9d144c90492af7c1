using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Reading;

internal sealed partial class ChapterParser
{
    private string _title = "";
    private string? _label;

    /// <summary>Reads the whole file: the <c>&lt;chapter&gt;</c> tag (or <c># Title</c>) and its content.</summary>
    public ChapterResult ParseChapter()
    {
        var pos = SkipWhitespace(0, _t.Length);
        if (!_legacy)
        {
            if (pos < _t.Length && TagReader.TryRead(_t, pos, _t.Length) is { } tag && tag.Is("chapter"))
            {
                pos = Consume(tag);
                ChapterTag(tag);
            }
            else if (pos < _t.Length)
                Error(pos, pos + 1, "a chapter file must start with <chapter title=…>");
        }
        var blocks = Blocks(ref pos, _t.Length, null);
        return new ChapterResult(_title, _label, _authors, _abstract, blocks) { PreAbstract = _preAbstract };
    }

    private void ChapterTag(Tag tag)
    {
        if (_title.Length > 0 || _label is not null)
        {
            Error(tag.Start, tag.End, "only one <chapter> per file: each chapter is its own file");
            return;
        }
        _title = PlainText(AttrInlines(tag.Attr("title")));
        if (_title.Length == 0) Error(tag.Start, tag.End, "<chapter> needs a title attribute");
        _label = tag.Value("label");
        _ctx.DefineLabel(_label, _chapter, Span(tag.Start, tag.End));
        if (tag.Attr("author") is { } author) _authors = Authors(author);
    }

    /// <summary>Reads blocks until the end, or until a tag for which <paramref name="stop"/> holds (left unconsumed).</summary>
    internal ImmutableArray<Block> Blocks(ref int pos, int end, Func<Tag, bool>? stop)
    {
        var blocks = new List<Block>();
        while (true)
        {
            pos = SkipWhitespace(pos, end);
            if (pos >= end) break;
            var start = pos;
            if (_t[pos] == '<' && TagReader.TryRead(_t, pos, end) is { } tag)
            {
                if (stop?.Invoke(tag) == true) break;
                if (IsBlockTag(tag, pos))
                {
                    BlockTag(tag, ref pos, end, blocks);
                    if (pos <= start) pos = Math.Max(tag.End, start + 1);
                    continue;
                }
            }
            if (DisplayMathAt(pos, end, out var bodyStart, out var bodyEnd, out var next))
            {
                blocks.Add(new MathBlock(EqnarrayStyle(CleanDisplay(FixGraphics(_t[bodyStart..bodyEnd], bodyStart))), MathEnvironment.Display, Span(pos, next)));
                pos = next;
                continue;
            }
            if (_legacy && LegacyBlock(ref pos, end, blocks)) continue;
            if (At(pos, "```") && AtLineStart(pos))
            {
                CodeFence(ref pos, end, blocks);
                continue;
            }
            var paragraphEnd = ParagraphEnd(pos, end, stop);
            if (paragraphEnd <= pos)
            {
                Error(pos, pos + 1, $"unexpected '{_t[pos]}'");
                pos++;
                continue;
            }
            AddParagraph(blocks, Inlines(pos, paragraphEnd), pos, paragraphEnd);
            pos = paragraphEnd;
        }
        return blocks.ToImmutableArray();
    }

    private void AddParagraph(List<Block> blocks, ImmutableArray<Inline> inlines, int start, int end)
    {
        if (inlines.Length == 0) return;
        // A side item defined on its own goes beside the paragraph before it.
        if (inlines.All(i => i is PendingSide or SoftBreak or LineBreak or Str { Value: " " }) && blocks.Count > 0 && blocks[^1] is Paragraph previous)
        {
            blocks[^1] = previous with { Content = previous.Content.AddRange(inlines.OfType<PendingSide>()) };
            return;
        }
        blocks.Add(new Paragraph(inlines, Span(start, end)));
    }

    /// <summary>Where the paragraph starting at <paramref name="pos"/> ends: a blank line, a block construct or a stop tag.</summary>
    private int ParagraphEnd(int pos, int end, Func<Tag, bool>? stop)
    {
        var i = pos;
        while (i < end)
        {
            var c = _t[i];
            switch (c)
            {
                case '\n':
                {
                    var j = i + 1;
                    while (j < end && _t[j] is ' ' or '\t' or '\r') j++;
                    if (j >= end || _t[j] == '\n') return i;
                    if (At(j, "```")) return i;
                    if (_legacy && LegacyBlockStartsAt(j, end)) return i;
                    i++;
                    break;
                }
                case '$':
                {
                    var close = DollarClose(i, end);
                    i = close > 0 ? close + 1 : i + 1;
                    break;
                }
                case '`':
                {
                    var close = CodeClose(i, end);
                    i = close > 0 ? close + 1 : i + 1;
                    break;
                }
                case '\\':
                    if (DisplayMathAt(i, end, out _, out _, out _)) return i;
                    if (_legacy && At(i, @"\latex{{")) return i;
                    i += 2;
                    break;
                case '<':
                {
                    if (At(i, "<!--"))
                    {
                        var close = IndexOf("-->", i + 4, end);
                        i = close < 0 ? end : close + 3;
                        break;
                    }
                    var tag = TagReader.TryRead(_t, i, end);
                    if (tag is null) { i++; break; }
                    if (stop?.Invoke(tag) == true || IsBlockTag(tag, i)) return i;
                    i = InlineTagExtent(tag, end);
                    break;
                }
                default:
                    i++;
                    break;
            }
        }
        return Math.Min(i, end);
    }

    /// <summary>Offset after an inline tag, including the body of closed inline elements.</summary>
    private int InlineTagExtent(Tag tag, int end)
    {
        if (tag.IsClose || tag.SelfClosed || tag.Name is not ("py" or "sidenote" or "sidefig")) return Math.Max(tag.End, tag.Start + 1);
        var close = IndexOf("</" + tag.Name + ">", tag.End, end);
        return close < 0 ? tag.End : close + tag.Name.Length + 3;
    }

    /// <summary>Display math: <c>\[…\]</c> (XML dialect) or <c>\\[…\\]</c> (Markdown era).</summary>
    private bool DisplayMathAt(int i, int end, out int bodyStart, out int bodyEnd, out int next)
    {
        bodyStart = bodyEnd = next = 0;
        var (open, close) = _legacy ? (@"\\[", @"\\]") : (@"\[", @"\]");
        if (!At(i, open) || i + open.Length > end) return false;
        if (!_legacy && i > 0 && _t[i - 1] == '\\') return false;
        var k = IndexOf(close, i + open.Length, end);
        if (k < 0) return false;
        bodyStart = i + open.Length;
        bodyEnd = k;
        next = k + close.Length;
        return true;
    }

    /// <summary>Blank lines are paragraph breaks, an error inside TeX display math: drop them.</summary>
    private static string CleanDisplay(string tex)
    {
        var lines = tex.Replace("\r", "").Split('\n').Where(l => l.Trim().Length > 0);
        return string.Join("\n", lines).Trim();
    }

    private int DollarClose(int i, int end)
    {
        var j = IndexOf("$", i + 1, end);
        if (j < 0 || j == i + 1) return -1;
        for (var k = i + 1; k < j; k++)
        {
            if (_t[k] != '\n') continue;
            var m = k + 1;
            while (m < j && _t[m] is ' ' or '\t' or '\r') m++;
            if (m < j && _t[m] == '\n') return -1;
        }
        return j;
    }

    private int CodeClose(int i, int end)
    {
        for (var j = i + 1; j < end; j++)
        {
            if (_t[j] == '`') return j == i + 1 ? -1 : j;
            if (_t[j] is '\n' or '\r') return -1;
        }
        return -1;
    }

    private void CodeFence(ref int pos, int end, List<Block> blocks)
    {
        var start = pos;
        var lineEnd = IndexOf("\n", pos, end);
        if (lineEnd < 0) lineEnd = end;
        var info = _t[(pos + 3)..lineEnd].Trim();
        var close = IndexOf("\n```", lineEnd, end);
        int bodyEnd, next;
        if (close < 0)
        {
            Error(start, start + 3, "code block ``` is not closed");
            bodyEnd = next = end;
        }
        else
        {
            bodyEnd = close;
            next = close + 4;
            var after = IndexOf("\n", next, end);
            next = after < 0 ? end : after;
        }
        var code = lineEnd >= bodyEnd ? "" : _t[(lineEnd + 1)..bodyEnd].Replace("\r", "");
        blocks.Add(new CodeBlock(info, code, Span(start, next)));
        pos = next;
    }

    private static string Slug(string title)
    {
        var chars = title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        var slug = new string(chars);
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Trim('-');
    }

    private void AddHeading(List<Block> blocks, int level, ImmutableArray<Inline> title, string? label, int start, int end)
    {
        var text = PlainText(title);
        if (text.Length == 0) Error(start, end, "a section needs a title");
        _ctx.DefineLabel(label, _chapter, Span(start, end));
        blocks.Add(new Heading(level, title, label ?? Slug(text), Span(start, end)) { Label = label });
    }
}
