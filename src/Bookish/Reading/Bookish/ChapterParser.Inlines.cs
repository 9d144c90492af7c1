using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;

namespace Bookish.Reading;

internal sealed partial class ChapterParser
{
    private static readonly HashSet<string> HtmlInlineTags = ["b", "i", "em", "strong", "sub", "sup", "span", "a", "u", "small", "code", "kbd", "font", "s", "mark", "tt"];

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["degree"] = "\u00B0", ["tm"] = "\u2122", ["trademark"] = "\u2122", ["registered"] = "\u00AE", ["copyright"] = "\u00A9",
        ["cents"] = "\u00A2", ["pound"] = "\u00A3", ["euro"] = "\u20AC", ["yen"] = "\u00A5", ["times"] = "\u00D7",
        ["section"] = "\u00A7", ["paragraph"] = "\u00B6", ["dagger"] = "\u2020", ["ellipsis"] = "\u2026", ["nbsp"] = "\u00A0",
    };

    [GeneratedRegex(@"^[A-Za-z0-9_.:\-]+$")] private static partial Regex LabelLike();
    [GeneratedRegex(@"^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")] private static partial Regex Entity();

    /// <summary>Reads the inline Markdown subset of the dialect in [start, end).</summary>
    internal ImmutableArray<Inline> Inlines(int start, int end)
    {
        var b = new InlineBuilder(this);
        var i = start;
        while (i < end)
        {
            var c = _t[i];
            switch (c)
            {
                case '\r':
                    i++;
                    break;
                case '\n':
                    b.Break(new SoftBreak(Span(i, i + 1)));
                    i++;
                    while (i < end && _t[i] is ' ' or '\t' or '\r') i++;
                    break;
                case ' ' or '\t':
                    b.Space(i);
                    i++;
                    break;
                case '$':
                {
                    var close = DollarClose(i, end);
                    if (close < 0)
                    {
                        Diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnterminatedMath, Span(i, i + 1), "inline math $ is not closed (write \\$ for a dollar sign)"));
                        b.Text("$", i, i + 1);
                        i++;
                        break;
                    }
                    b.Add(new MathInline(FixGraphics(_t[(i + 1)..close], i + 1).Replace("\r", ""), Span(i, close + 1)));
                    i = close + 1;
                    break;
                }
                case '`':
                {
                    var close = CodeClose(i, end);
                    if (close < 0) { b.Text("`", i, i + 1); i++; break; }
                    b.Add(new Code(_t[(i + 1)..close], Span(i, close + 1)));
                    i = close + 1;
                    break;
                }
                case '*':
                    i = EmphasisAt(b, i, end);
                    break;
                case '[':
                    i = BracketAt(b, i, end);
                    break;
                case '"':
                {
                    var opening = i == start || char.IsWhiteSpace(_t[i - 1]) || _t[i - 1] is '(' or '[' or '{' or '\u2014' or '\u2013';
                    b.Text(opening ? "\u201C" : "\u201D", i, i + 1);
                    i++;
                    break;
                }
                case '-' when At(i, "---"):
                    b.Text("\u2014", i, i + 3);
                    i += 3;
                    break;
                case '-' when At(i, "--"):
                    b.Text("\u2013", i, i + 2);
                    i += 2;
                    break;
                case '\\':
                    i = BackslashAt(b, i, end);
                    break;
                case '<':
                    i = TagInlineAt(b, i, end);
                    break;
                case '&' when Entity().Match(_t[i..Math.Min(end, i + 12)]) is { Success: true } m:
                    b.Text(WebUtility.HtmlDecode(m.Value), i, i + m.Length);
                    i += m.Length;
                    break;
                default:
                    b.Text(c.ToString(), i, i + 1);
                    i++;
                    break;
            }
        }
        return b.Finish();
    }

    /// <summary><c>**bold**</c> and <c>*italics*</c>: the opener is not followed by a space, the closer not preceded by one.</summary>
    private int EmphasisAt(InlineBuilder b, int i, int end)
    {
        var strong = At(i, "**");
        var width = strong ? 2 : 1;
        var bodyStart = i + width;
        if (bodyStart < end && !char.IsWhiteSpace(_t[bodyStart]) && _t[bodyStart] != '*')
        {
            for (var j = bodyStart; j < end; j++)
            {
                if (_t[j] == '$' && DollarClose(j, end) is > 0 and var close) { j = close; continue; }
                if (_t[j] == '\\') { j++; continue; }
                if (_t[j] != '*' || char.IsWhiteSpace(_t[j - 1])) continue;
                if (strong && !At(j, "**")) continue;
                if (!strong && At(j, "**") && j + 2 < end) { j++; continue; }
                b.Add(new Emphasis(Inlines(bodyStart, j), strong, Span(i, j + width)));
                return j + width;
            }
        }
        b.Text(new string('*', width), i, i + width);
        return i + width;
    }

    /// <summary><c>[text](url)</c> links and <c>[label]</c> references.</summary>
    private int BracketAt(InlineBuilder b, int i, int end)
    {
        var close = IndexOf("]", i + 1, end);
        if (close < 0 || close == i + 1) { b.Text("[", i, i + 1); return i + 1; }
        if (close + 1 < end && _t[close + 1] == '(')
        {
            var depth = 0;
            for (var j = close + 1; j < end; j++)
            {
                // bookish allows '\)' in a URL ('(…/Boosting_(meta-algorithm\))'): it closes a parenthesis of the URL, never the link.
                if (_t[j] == '\\') { if (j + 1 < end && _t[j + 1] == ')' && depth > 1) depth--; j++; continue; }
                if (_t[j] == '(') depth++;
                else if (_t[j] == ')' && --depth == 0)
                {
                    var url = _t[(close + 2)..j].Trim().Replace("\\)", ")");
                    b.Add(new Link(url, Inlines(i + 1, close), Span(i, j + 1)));
                    return j + 1;
                }
                else if (_t[j] == '\n') break;
            }
        }
        var label = _t[(i + 1)..close];
        if (LabelLike().IsMatch(label))
        {
            b.Add(new PendingRef(label, _chapter, Span(i, close + 1)));
            return close + 1;
        }
        b.Text("[", i, i + 1);
        return i + 1;
    }

    private int BackslashAt(InlineBuilder b, int i, int end)
    {
        if (At(i, @"\\"))
        {
            var j = i + 2;
            while (j < end && _t[j] is ' ' or '\t' or '\r') j++;
            if (j >= end || _t[j] == '\n')
            {
                b.Break(new LineBreak(Span(i, i + 2)));
                j = Math.Min(end, j + 1);
                while (j < end && _t[j] is ' ' or '\t' or '\r') j++;
                return j;
            }
            if (_legacy && At(i, @"\\["))
                Diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnterminatedMath, Span(i, i + 3), @"display math \\[ is not closed with \\]"));
            b.Text("\\", i, i + 2);
            return i + 2;
        }
        if (!_legacy && At(i, @"\["))
            Diagnostics.Add(Diagnostic.Warning(DiagnosticIds.UnterminatedMath, Span(i, i + 2), @"\[ has no closing \]: read as a literal ["));
        if (i + 1 < end && @"$*<>[]_""`{}#-\".Contains(_t[i + 1]))
        {
            b.Text(_t[i + 1].ToString(), i, i + 2);
            return i + 2;
        }
        foreach (var command in (string[])["first", "todo", "symbol"])
        {
            if (!At(i + 1, command + "{")) continue;
            var open = i + 1 + command.Length;
            var close = MatchBrace(open, end);
            if (close < 0)
            {
                Error(i, open + 1, $"\\{command}{{ is not closed with }}");
                b.Text("\\", i, i + 1);
                return i + 1;
            }
            var span = Span(i, close + 1);
            switch (command)
            {
                case "first":
                    b.Add(new Emphasis(Inlines(open + 1, close), false, span));
                    break;
                case "todo":
                    b.Add(new RawInline("html", "<!-- TODO: " + _t[(open + 1)..close].Replace("--", "- -") + " -->", span));
                    break;
                default:
                {
                    var name = _t[(open + 1)..close].Trim();
                    if (Symbols.TryGetValue(name, out var symbol)) b.Text(symbol, i, close + 1);
                    else
                    {
                        Diagnostics.Add(Diagnostic.Warning(DiagnosticIds.DialectSyntax, span, $"unknown \\symbol{{{name}}}"));
                        b.Text(name, i, close + 1);
                    }
                    break;
                }
            }
            return close + 1;
        }
        b.Text("\\", i, i + 1);
        return i + 1;
    }

    internal int MatchBrace(int open, int end)
    {
        var depth = 0;
        for (var j = open; j < end; j++)
        {
            if (_t[j] == '\\') { j++; continue; }
            if (_t[j] == '{') depth++;
            else if (_t[j] == '}' && --depth == 0) return j;
        }
        return -1;
    }

    private int TagInlineAt(InlineBuilder b, int i, int end)
    {
        if (At(i, "<!--"))
        {
            var close = IndexOf("-->", i + 4, end);
            if (close < 0)
            {
                Error(i, i + 4, "comment <!-- is not closed with -->");
                return end;
            }
            return close + 3;
        }
        var tag = TagReader.TryRead(_t, i, end);
        if (tag is null)
        {
            b.Text("<", i, i + 1);
            return i + 1;
        }
        var span = Span(tag.Start, tag.End);
        if (tag.IsClose)
        {
            var next = Consume(tag);
            if (!HtmlInlineTags.Contains(tag.Name))
            {
                if (!OptionalEndTags.Contains(tag.Name)) Error(tag.Start, tag.End, $"unexpected </{tag.Name}>");
                return next;
            }
            b.Add(new RawInline("html", _t[tag.Start..tag.End], span));
            return next;
        }
        switch (tag.Name)
        {
            case "img":
            {
                var next = Consume(tag);
                var src = tag.Value("src") ?? "";
                if (src.Length == 0) Error(tag.Start, tag.End, "<img> needs a src attribute");
                b.Add(new Image(src, tag.Value("alt") ?? "", span));
                return next;
            }
            case "br":
                b.Break(new LineBreak(span));
                return Consume(tag);
            case "py":
            {
                var (s, e, next) = RawBody(tag, end);
                b.Add(PythonInlineElement(tag, s, e, next));
                return next;
            }
            case "site" or "citation" or "sidequote" or "sidenote" or "sidefig":
            {
                var pos = i;
                b.Add(SideItemElement(tag, ref pos, end));
                return pos;
            }
            default:
            {
                var next = Consume(tag);
                if (!HtmlInlineTags.Contains(tag.Name))
                    Diagnostics.Add(Diagnostic.Warning(DiagnosticIds.DialectSyntax, span, $"unknown tag <{tag.Name}> passed through as HTML"));
                b.Add(new RawInline("html", _t[tag.Start..tag.End], span));
                return next;
            }
        }
    }

    [GeneratedRegex(@"\\includegraphics\s*(\[[^\]]*\])?\s*\{([^}]*)\}")] private static partial Regex IncludeGraphics();

    /// <summary>
    /// Images inside math were written relative to the old tool's work folder (<c>../images/x.png</c>): rewrite them
    /// relative to the document folder, where the renderer finds them.
    /// </summary>
    private string FixGraphics(string tex, int offset)
    {
        if (!tex.Contains(@"\includegraphics", StringComparison.Ordinal)) return tex;
        return IncludeGraphics().Replace(tex, m =>
        {
            var path = m.Groups[2].Value.Trim();
            var span = Span(offset + m.Index, offset + m.Index + m.Length);
            var candidates = new List<string> { path };
            var stripped = path;
            while (stripped.StartsWith("../", StringComparison.Ordinal)) { stripped = stripped[3..]; candidates.Add(stripped); }
            foreach (var candidate in candidates)
            {
                var full = Path.GetFullPath(Path.Combine(_baseDirectory, candidate));
                // Inside the document folder by name and, links followed, inside the project.
                var inside = full.StartsWith(_baseDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && (_ctx.Options.Root ?? new Security.ProjectRoot(_baseDirectory)).Resolve(_baseDirectory, candidate).IsReadable;
                if (inside && File.Exists(full))
                    return m.Value.Replace("{" + m.Groups[2].Value + "}", "{" + Path.GetRelativePath(_baseDirectory, full).Replace('\\', '/') + "}", StringComparison.Ordinal);
            }
            // TeX would stop on the missing file: show a visible placeholder instead and say so.
            Diagnostics.Add(Diagnostic.Warning(DiagnosticIds.DialectSyntax, span, $"image '{path}' used in math is not in the document folder; shown as a placeholder box"));
            return @"\fbox{?}";
        });
    }
}
