using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Text;

namespace Bookish.Importing.Kramdown;

/// <summary>
/// Rewrites a Jekyll post written in kramdown with MathJax habits as Bookish Markdown-with-math, source to source,
/// so everything the converter does not need to change stays byte for byte (and the TeX inside math is never touched):
/// <list type="bullet">
/// <item>inline <c>$$…$$</c> (inside a paragraph) becomes <c>$…$</c> (or <c>\(…\)</c> where Pandoc's dollar rule
/// would not read it as math); a <c>$$</c> block that is a paragraph of its own stays display math; bare
/// <c>\begin{align}</c> blocks stay as they are (Bookish reads them as MathJax does);</item>
/// <item>kramdown attribute lines (<c>{: …}</c>) are applied where Bookish has the same thing (a heading's id, an image's
/// width or id, a code block's language, Minimal Mistakes' <c>.notice</c> paragraphs as callouts), otherwise dropped with a
/// warning (BK1360); the TOC marker (<c>* TOC</c> + <c>{:toc}</c>) becomes <c>toc: true</c>;</item>
/// <item>Liquid links (<c>{% post_url %}</c>, <c>{% link %}</c>, <c>{{ … | relative_url }}</c>, <c>{{ site.baseurl }}</c>)
/// become relative links, <c>{% highlight %}</c> becomes a fenced code block, <c>{% raw %}</c> tags go; other Liquid
/// stays as text with a warning (BK1361);</item>
/// <item><c>&lt;img&gt;</c> (or <c>![…](…)</c>, or a <c>&lt;figure&gt;</c>) followed by a caption line becomes a captioned figure;</item>
/// <item>the front matter is mapped (<see cref="KramdownFrontMatter"/>).</item>
/// </list>
/// Code (fenced, indented, inline) is never changed.
/// </summary>
internal static partial class KramdownImporter
{
    [GeneratedRegex(@"^(?<indent> {0,3})(?<fence>`{3,}|~{3,})\s*(?<info>[^`]*)$")] private static partial Regex FenceOpen();
    [GeneratedRegex(@"^\s*\{:(?!:)(?![\w-]+:)(?<body>[^}]*)\}\s*$")] private static partial Regex IalLine();
    [GeneratedRegex(@"^\s*\{%-?\s*highlight\s+(?<lang>[\w+#.-]+)(?<opts>[^%]*)-?%\}\s*$")] private static partial Regex HighlightOpen();
    [GeneratedRegex(@"^\s*\{%-?\s*endhighlight\s*-?%\}\s*$")] private static partial Regex HighlightClose();
    [GeneratedRegex(@"^\s*(?:[*+-]|1\.)\s+\S.*$")] private static partial Regex ListItemLine();
    [GeneratedRegex(@"^\s*\{:\s*toc\s*\}\s*$|^\s*\{:\s*\.toc\s*\}\s*$")] private static partial Regex TocMarker();
    [GeneratedRegex(@"^\s*\{::(?<name>comment|nomarkdown)[^}]*\}\s*$")] private static partial Regex ExtensionOpen();
    [GeneratedRegex(@"\{:/(?:comment|nomarkdown)?\}")] private static partial Regex ExtensionClose();
    [GeneratedRegex(@"^\s*\{::options[^}]*/\}\s*$")] private static partial Regex OptionsLine();
    [GeneratedRegex(@"^#{1,6}\s")] private static partial Regex AtxHeading();

    public static KramdownResult Import(string path, string text)
    {
        var context = new ImportContext(path);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var start = 0;
        string? yaml = null;
        if (lines.Length > 1 && lines[0].TrimEnd() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
            if (end > 0)
            {
                yaml = string.Join("\n", lines[1..end]);
                start = end + 1;
            }
        }
        var body = new Body(lines, start, context).Convert();
        var front = KramdownFrontMatter.Write(yaml, Path.GetFileName(path), context.Toc, (line, message) =>
            context.Warn(DiagnosticIds.KramdownSyntax, line + 1, 1, message));
        return new KramdownResult(front + "\n" + body.TrimStart('\n'), [.. context.Diagnostics], [.. context.Assets.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>What a conversion collects: warnings at the post's lines, the site files it uses, the TOC marker.</summary>
    internal sealed class ImportContext(string path)
    {
        public List<Diagnostic> Diagnostics { get; } = [];
        public List<string> Assets { get; } = [];
        public bool Toc { get; set; }
        public string Path => path;

        public void Warn(DiagnosticDescriptor id, int line, int column, string message) =>
            Diagnostics.Add(Diagnostic.Create(id, SourceSpan.At(path, line, Math.Max(1, column)), message));
    }

    /// <summary>The block pass: code, Liquid highlight blocks, kramdown extensions, attribute lines, and chunks of text.</summary>
    private sealed class Body(string[] lines, int start, ImportContext context)
    {
        private readonly List<string> _out = [];
        /// <summary>The last block written: its kind and its first and last output line.</summary>
        private (BlockKind Kind, int First, int Last, int SourceLine)? _last;
        private (string Body, int Line)? _pendingIal;

        public string Convert()
        {
            var i = start;
            while (i < lines.Length)
            {
                var line = lines[i];
                if (FenceOpen().Match(line) is { Success: true } fence) { i = Fenced(i, fence); continue; }
                if (HighlightOpen().Match(line) is { Success: true } highlight) { i = Highlight(i, highlight); continue; }
                if (ExtensionOpen().Match(line) is { Success: true } ext) { i = Extension(i, ext.Groups["name"].Value); continue; }
                if (OptionsLine().IsMatch(line))
                {
                    context.Warn(DiagnosticIds.KramdownAttributeDropped, i + 1, 1, "kramdown options line dropped (Bookish has no parser options)");
                    i++;
                    continue;
                }
                if (ListItemLine().IsMatch(line) && i + 1 < lines.Length && TocMarker().IsMatch(lines[i + 1]))
                {
                    context.Toc = true;
                    i += 2;
                    continue;
                }
                if (IalLine().Match(line) is { Success: true } ial) { Attributes(i, ial.Groups["body"].Value); i++; continue; }
                if (line.Trim().Length == 0) { _out.Add(""); i++; continue; }
                i = Chunk(i);
            }
            return string.Join("\n", _out).TrimEnd('\n') + "\n";
        }

        /// <summary>A fenced code block, copied as it is; a <c>{: .language-x}</c> line right after it names its language.</summary>
        private int Fenced(int i, Match open)
        {
            var marker = open.Groups["fence"].Value;
            var end = i + 1;
            while (end < lines.Length && !(lines[end].TrimStart().StartsWith(marker, StringComparison.Ordinal) && lines[end].Trim().Trim(marker[0]).Length == 0)) end++;
            var opening = lines[i];
            var next = Math.Min(end + 1, lines.Length);
            if (next < lines.Length && IalLine().Match(lines[next]) is { Success: true } ial && open.Groups["info"].Value.Trim().Length == 0)
            {
                var attrs = IalAttributes.Parse(ial.Groups["body"].Value);
                if (attrs.Classes.FirstOrDefault(c => c.StartsWith("language-", StringComparison.Ordinal)) is { } language)
                {
                    opening = open.Groups["indent"].Value + marker + language["language-".Length..];
                    var rest = attrs.Without(language);
                    if (!rest.IsEmpty) context.Warn(DiagnosticIds.KramdownAttributeDropped, next + 1, 1, $"code block attributes dropped: {rest}");
                    next++;
                }
            }
            _out.Add(opening);
            for (var k = i + 1; k < Math.Min(end + 1, lines.Length); k++) _out.Add(lines[k]);
            if (end >= lines.Length) _out.Add(marker);
            _last = (BlockKind.Code, _out.Count - 1, _out.Count - 1, i + 1);
            return next;
        }

        /// <summary><c>{% highlight python linenos %}</c> … <c>{% endhighlight %}</c> as a fenced block (line numbers kept).</summary>
        private int Highlight(int i, Match open)
        {
            var end = i + 1;
            while (end < lines.Length && !HighlightClose().IsMatch(lines[end])) end++;
            var language = open.Groups["lang"].Value;
            var numbered = open.Groups["opts"].Value.Contains("linenos", StringComparison.Ordinal);
            var code = lines[(i + 1)..Math.Min(end, lines.Length)];
            var fence = new string('`', Math.Max(3, code.Select(l => LongestRun(l, '`') + 1).DefaultIfEmpty(3).Max()));
            _out.Add(fence + (numbered ? $"{{.{language} .numberLines}}" : language));
            _out.AddRange(code);
            _out.Add(fence);
            if (end >= lines.Length) context.Warn(DiagnosticIds.KramdownSyntax, i + 1, 1, "{% highlight %} without {% endhighlight %}: the rest of the post is taken as its code");
            _last = (BlockKind.Code, _out.Count - 1, _out.Count - 1, i + 1);
            return Math.Min(end + 1, lines.Length);
        }

        /// <summary><c>{::comment}</c> is dropped; <c>{::nomarkdown}</c> becomes a raw HTML block.</summary>
        private int Extension(int i, string name)
        {
            var end = i;
            while (end < lines.Length && !ExtensionClose().IsMatch(lines[end])) end++;
            if (name == "nomarkdown")
            {
                _out.Add("```{=html}");
                for (var k = i + 1; k < Math.Min(end, lines.Length); k++) _out.Add(lines[k]);
                _out.Add("```");
                _last = (BlockKind.Other, _out.Count - 1, _out.Count - 1, i + 1);
            }
            return Math.Min(end + 1, lines.Length);
        }

        /// <summary>A block attribute line: for the block just before it, or (after a blank line) for the next one.</summary>
        private void Attributes(int i, string body)
        {
            var previousBlank = i == start || lines[i - 1].Trim().Length == 0;
            if (!previousBlank && _last is { } last) Apply(last, body, i + 1);
            else _pendingIal = (body, i + 1);
        }

        private void Apply((BlockKind Kind, int First, int Last, int SourceLine) block, string body, int line)
        {
            var attrs = IalAttributes.Parse(body);
            var dropped = attrs;
            switch (block.Kind)
            {
                case BlockKind.Heading when attrs.Id is { } id:
                    _out[block.First] = _out[block.First].TrimEnd() + " {#" + id + "}";
                    dropped = attrs with { Id = null };
                    break;
                case BlockKind.Figure:
                    var kept = attrs.ForImage();
                    if (!kept.IsEmpty) _out[block.First] = AppendImageAttributes(_out[block.First], kept.ToPandoc());
                    dropped = attrs.Minus(kept);
                    break;
                case BlockKind.Paragraph when attrs.Classes.FirstOrDefault(c => c.StartsWith("notice", StringComparison.Ordinal)) is { } notice:
                    var kind = notice switch
                    {
                        "notice--warning" or "notice--danger" => "warning",
                        "notice--success" => "tip",
                        _ => "note",
                    };
                    _out.Insert(block.First, "::: " + kind);
                    _out.Insert(block.Last + 2, ":::");
                    dropped = attrs.Without(notice);
                    break;
            }
            if (!dropped.IsEmpty)
                context.Warn(DiagnosticIds.KramdownAttributeDropped, line, 1, $"attribute line '{{:{body}}}' has no Bookish equivalent on a {block.Kind.ToString().ToLowerInvariant()}: {dropped} dropped");
        }

        /// <summary>Consecutive non-blank lines (a paragraph, a list, a table, a heading), widened over an open <c>$$</c> or environment.</summary>
        private int Chunk(int i)
        {
            if (AtxHeading().IsMatch(lines[i]))
            {
                Emit(BlockKind.Heading, TextRewriter.Text(lines[i], i + 1, context), i + 1);
                return i + 1;
            }
            var end = i;
            while (end < lines.Length && lines[end].Trim().Length > 0 && !AtxHeading().IsMatch(lines[end]) && !IalLine().IsMatch(lines[end])
                   && !FenceOpen().IsMatch(lines[end]) && !HighlightOpen().IsMatch(lines[end])) end++;
            // A display block or environment may hold blank lines: take them in until it closes.
            var text = string.Join("\n", lines[i..end]);
            while (end < lines.Length && (MathSegments.OpenDoubleDollar(text) || MathSegments.OpenEnvironment(text)))
            {
                var more = end;
                while (more < lines.Length && lines[more].Trim().Length == 0) more++;
                if (more >= lines.Length) break;
                var stop = more;
                while (stop < lines.Length && lines[stop].Trim().Length > 0) stop++;
                var widened = string.Join("\n", lines[i..stop]);
                if (!MathSegments.OpenDoubleDollar(widened) && !MathSegments.OpenEnvironment(widened) || stop >= lines.Length) { end = stop; text = widened; break; }
                end = stop;
                text = widened;
            }
            var (kind, converted) = ChunkConverter.Convert(text, i + 1, context);
            Emit(kind, converted, i + 1);
            return end;
        }

        private void Emit(BlockKind kind, string text, int sourceLine)
        {
            var first = _out.Count;
            _out.AddRange(text.Split('\n'));
            _last = (kind, first, _out.Count - 1, sourceLine);
            if (_pendingIal is { } pending)
            {
                _pendingIal = null;
                Apply(_last.Value, pending.Body, pending.Line);
            }
        }

        private static string AppendImageAttributes(string line, string attributes)
        {
            // ![caption](src){width=50%} gets more attributes inside its braces, else a new brace list.
            var trimmed = line.TrimEnd();
            return trimmed.EndsWith('}') && trimmed.LastIndexOf("){", StringComparison.Ordinal) is > 0 and var at
                ? trimmed[..(trimmed.Length - 1)] + " " + attributes + "}"
                : trimmed + "{" + attributes + "}";
        }

        private static int LongestRun(string s, char c)
        {
            int best = 0, run = 0;
            foreach (var ch in s) { run = ch == c ? run + 1 : 0; best = Math.Max(best, run); }
            return best;
        }
    }
}

internal enum BlockKind { Paragraph, Heading, Figure, Code, Math, Other }
