using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;

namespace Bookish.Reading;

/// <summary>The 2018 Markdown-era dialect: <c># headings</c>, <c>\\[…\\]</c>, <c>\latex{{…}}</c> and backslash commands.</summary>
internal sealed partial class ChapterParser
{
    private static readonly string[] LegacyCommands =
        ["author", "abstract", "preabstract", "sidenote", "site", "citation", "sidequote", "chapquote", "callout", "cut", "pyfig"];

    [GeneratedRegex(@"^(?<title>.*?)\s*\((?<label>[A-Za-z0-9_.:\-]+)\)\s*$")] private static partial Regex TitleWithLabel();

    private bool LegacyBlockStartsAt(int j, int end)
    {
        if (_t[j] == '#') return HeadingLevel(j, end) > 0;
        if (_t[j] != '\\') return false;
        return At(j, @"\latex{{") || LegacyCommands.Any(c => At(j + 1, c) && CommandArgsStart(j + 1 + c.Length, end) >= 0);
    }

    private int HeadingLevel(int j, int end)
    {
        if (!AtLineStart(j)) return 0;
        var k = j;
        while (k < end && _t[k] == '#') k++;
        var level = k - j;
        return level is >= 1 and <= 4 && k < end && _t[k] == ' ' ? level : 0;
    }

    /// <summary>Offset of the first <c>[</c> or <c>{</c> after a command name, or -1 when none follows.</summary>
    private int CommandArgsStart(int k, int end)
    {
        while (k < end && _t[k] is ' ' or '\t') k++;
        return k < end && _t[k] is '[' or '{' ? k : -1;
    }

    private bool LegacyBlock(ref int pos, int end, List<Block> blocks)
    {
        var start = pos;
        if (_t[pos] == '#' && HeadingLevel(pos, end) is > 0 and var level)
        {
            var lineEnd = IndexOf("\n", pos, end);
            if (lineEnd < 0) lineEnd = end;
            var textStart = pos + level + 1;
            var line = _t[textStart..lineEnd].TrimEnd('\r', ' ', '\t');
            var titleEnd = textStart + line.Length;
            string? label = null;
            if (TitleWithLabel().Match(line) is { Success: true } m)
            {
                label = m.Groups["label"].Value;
                titleEnd = textStart + m.Groups["title"].Length;
            }
            var title = Inlines(textStart, titleEnd);
            if (level == 1)
            {
                if (_title.Length == 0)
                {
                    _title = PlainText(title);
                    _label = label;
                    _ctx.DefineLabel(label, _chapter, Span(start, lineEnd));
                }
                else
                {
                    Error(start, lineEnd, "only one '# ' chapter title per file");
                    AddHeading(blocks, 1, title, label, start, lineEnd);
                }
            }
            else AddHeading(blocks, level, title, label, start, lineEnd);
            pos = lineEnd;
            return true;
        }
        if (At(pos, @"\latex{{"))
        {
            var bodyStart = pos + @"\latex{{".Length;
            var close = IndexOf("\n}}", bodyStart, end);
            int bodyEnd, next;
            if (close < 0)
            {
                Error(pos, bodyStart, @"\latex{{ is not closed: expected }} on its own line");
                bodyEnd = next = end;
            }
            else { bodyEnd = close; next = close + 3; }
            blocks.Add(new MathBlock(FixGraphics(_t[bodyStart..bodyEnd], bodyStart).Replace("\r", "").Trim(), MathEnvironment.RawLatex, Span(start, next)));
            pos = next;
            return true;
        }
        if (_t[pos] != '\\') return false;
        var at = pos;
        var name = LegacyCommands.FirstOrDefault(c => At(at + 1, c) && CommandArgsStart(at + 1 + c.Length, end) >= 0);
        if (name is null) return false;
        var k = CommandArgsStart(pos + 1 + name.Length, end);
        string? optional = null;
        if (_t[k] == '[')
        {
            var closeBracket = IndexOf("]", k, end);
            if (closeBracket < 0) { Error(k, k + 1, $"\\{name}[ is not closed with ]"); pos = k + 1; return true; }
            optional = _t[(k + 1)..closeBracket].Trim();
            k = CommandArgsStart(closeBracket + 1, end);
            if (k < 0) { Error(start, closeBracket + 1, $"\\{name} needs a {{…}} argument"); pos = closeBracket + 1; return true; }
        }
        var groups = new List<(int Start, int End)>();
        while (k >= 0 && k < end && _t[k] == '{' && groups.Count < 2)
        {
            var close = MatchBrace(k, end);
            if (close < 0)
            {
                Error(k, k + 1, $"\\{name}{{ is not closed with }}");
                groups.Add((k + 1, end));
                k = end;
                break;
            }
            groups.Add((k + 1, close));
            k = close + 1;
            if (name is not ("citation" or "sidequote" or "chapquote")) break;
            var j = k;
            while (j < end && char.IsWhiteSpace(_t[j])) j++;
            if (j < end && _t[j] == '{') k = j;
        }
        pos = Math.Min(k, end);
        LegacyCommand(name, optional, groups, start, pos, blocks);
        return true;
    }

    private void LegacyCommand(string name, string? label, List<(int Start, int End)> groups, int start, int end, List<Block> blocks)
    {
        var span = Span(start, end);
        ImmutableArray<Block> GroupBlocks(int index)
        {
            if (index >= groups.Count) return [];
            var p = groups[index].Start;
            return Blocks(ref p, groups[index].End, null);
        }
        ImmutableArray<Inline> GroupInlines(int index) => index < groups.Count ? Inlines(groups[index].Start, groups[index].End) : [];
        ImmutableArray<Block>? side = null;
        switch (name)
        {
            case "author":
                _authors = AuthorsFrom(GroupInlines(0));
                return;
            case "abstract":
                _abstract = GroupBlocks(0);
                return;
            case "preabstract":
                _preAbstract = GroupBlocks(0);
                return;
            case "cut":
                return;
            case "callout":
                blocks.Add(new Aside("callout", [], GroupBlocks(0), span));
                return;
            case "chapquote":
            {
                ImmutableArray<Block> quote = [new Paragraph([new Str("\u201C", span), .. GroupInlines(0), new Str("\u201D", span)], span)];
                var author = GroupInlines(1);
                blocks.Add(new Aside("chapquote", [], author.Length == 0 ? quote : quote.Add(new Paragraph([new Str("\u2014 ", span), .. author], span)), span));
                return;
            }
            case "pyfig":
            {
                var (code, offset) = groups.Count > 0 ? Python.PythonCode.Trim(_t[groups[0].Start..groups[0].End]) : ("", 0);
                blocks.Add(Remember(new PythonCell(code, span)
                {
                    IsFigure = true,
                    FirstCodeLine = groups.Count > 0 ? _source.Position(groups[0].Start + offset).Line : span.Line,
                    Group = _pythonGroup,
                }));
                return;
            }
            case "site":
            {
                var url = groups.Count > 0 ? _t[groups[0].Start..groups[0].End].Trim() : "";
                side = [new Paragraph([new Link(url, [new Str(url, span)], span)], span)];
                break;
            }
            case "citation":
            {
                var author = GroupInlines(1);
                ImmutableArray<Inline> text = author.Length == 0
                    ? [new Emphasis(GroupInlines(0), false, span)]
                    : [new Emphasis(GroupInlines(0), false, span), new Str(", ", span), .. author];
                side = [new Paragraph(text, span)];
                break;
            }
            case "sidequote":
            {
                ImmutableArray<Block> quote = [new Paragraph([new Str("\u201C", span), .. GroupInlines(0), new Str("\u201D", span)], span)];
                var author = GroupInlines(1);
                side = author.Length == 0 ? quote : quote.Add(new Paragraph([new Str("\u2014 ", span), .. author], span));
                break;
            }
            default: // sidenote
                side = GroupBlocks(0);
                break;
        }
        var item = new SideItem(label, _chapter, side.Value, span);
        _ctx.AddSideItem(item);
        AddParagraph(blocks, [new PendingSide(item, span)], start, end);
    }
}
