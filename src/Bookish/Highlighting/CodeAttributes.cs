using System.Collections.Immutable;
using System.Globalization;

namespace Bookish.Highlighting;

/// <summary>
/// How a code block asks to be shown, in Pandoc's attribute syntax: the language (the info word or the first class),
/// line numbers (<c>.numberLines</c>, also <c>.number-lines</c>, <c>.line-numbers</c>, <c>.linenos</c>; first number
/// <c>startFrom="10"</c>), and highlighted lines (<c>hl_lines="2 4-6"</c>, also <c>highlight-lines</c>, <c>hl-lines</c>,
/// <c>emphasize-lines</c>; counted from the block's first line, whatever <c>startFrom</c> says).
/// </summary>
internal sealed record CodeAttributes(string Language, bool NumberLines, int StartFrom, ImmutableArray<int> HighlightLines)
{
    public static readonly CodeAttributes None = new("", false, 1, []);

    private static readonly HashSet<string> NumberClasses = new(StringComparer.OrdinalIgnoreCase) { "numberLines", "number-lines", "line-numbers", "linenos", "numberlines" };
    private static readonly HashSet<string> StartKeys = new(StringComparer.OrdinalIgnoreCase) { "startFrom", "start-from", "linenostart", "start" };
    private static readonly HashSet<string> HighlightKeys = new(StringComparer.OrdinalIgnoreCase) { "hl_lines", "highlight-lines", "hl-lines", "emphasize-lines", "highlight" };
    private static readonly HashSet<string> NumberKeys = new(StringComparer.OrdinalIgnoreCase) { "numberLines", "number-lines", "line-numbers", "linenos" };

    /// <summary>From an info string alone (legacy readers, <c>python</c>, <c>{.python .numberLines}</c>).</summary>
    public static CodeAttributes FromInfo(string info) => Parse(info, [], [], _ => { });

    /// <summary>
    /// From the info string and the attributes Markdig parsed off it (classes, key=value pairs). An info string still
    /// in braces (<c>{.c .numberLines}</c>, which Markdig leaves alone) is read here. Attribute values that make no
    /// sense are reported through <paramref name="problem"/> and ignored.
    /// </summary>
    public static CodeAttributes Parse(string info, IEnumerable<string> classes, IEnumerable<KeyValuePair<string, string?>> properties, Action<string> problem)
    {
        var classList = new List<string>();
        var props = new List<KeyValuePair<string, string?>>();
        info = info.Trim();
        var language = "";
        if (info.StartsWith('{') && info.EndsWith('}')) ReadBraces(info[1..^1], classList, props);
        else if (info.Length > 0)
        {
            var word = info.Split([' ', '\t'], 2)[0];
            language = word.StartsWith("language-", StringComparison.Ordinal) ? word["language-".Length..] : word;
            // "python {.numberLines}" when Markdig did not take the braces off.
            var brace = info.IndexOf('{');
            if (brace > 0 && info.EndsWith('}')) ReadBraces(info[(brace + 1)..^1], classList, props);
        }
        classList.AddRange(classes.Select(c => c.StartsWith("language-", StringComparison.Ordinal) ? c["language-".Length..] : c));
        props.AddRange(properties);

        var numbers = false;
        foreach (var c in classList)
        {
            if (NumberClasses.Contains(c)) numbers = true;
            else if (language.Length == 0 && !c.StartsWith('=')) language = c;
        }
        var start = 1;
        var highlight = ImmutableArray<int>.Empty;
        foreach (var (key, value) in props)
        {
            var v = (value ?? "").Trim();
            if (StartKeys.Contains(key))
            {
                if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 1_000_000) { start = s; numbers = true; }
                else problem($"'{key}=\"{v}\"' is not a line number; lines are numbered from 1");
            }
            else if (HighlightKeys.Contains(key))
            {
                if (Ranges(v) is { } lines) highlight = lines;
                else problem($"'{key}=\"{v}\"' is not a list of lines (write \"2 4-6\" or \"2,4-6\"); no line is highlighted");
            }
            else if (NumberKeys.Contains(key)) numbers = v is not ("false" or "0" or "no");
        }
        return new CodeAttributes(language, numbers, start, highlight);
    }

    /// <summary>"2 4-6", "2,4-6" or "{2,4}" as sorted distinct line numbers; null if not such a list.</summary>
    internal static ImmutableArray<int>? Ranges(string text)
    {
        var set = new SortedSet<int>();
        foreach (var part in text.Trim('{', '}', '[', ']', '"', '\'').Split([' ', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.IndexOf('-', 1 < part.Length ? 1 : 0);
            if (dash > 0 && int.TryParse(part[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                && int.TryParse(part[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && a >= 1 && b >= a && b - a < 100_000)
                for (var i = a; i <= b; i++) set.Add(i);
            else if (dash < 0 && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1) set.Add(n);
            else return null;
        }
        return [.. set];
    }

    /// <summary>Pandoc's attribute list inside braces: <c>.class</c>, <c>#id</c>, <c>key=value</c>, <c>key="a b"</c>, a bare word.</summary>
    private static void ReadBraces(string text, List<string> classes, List<KeyValuePair<string, string?>> props)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ',')) i++;
            if (i >= text.Length) break;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '=' and not ',') i++;
            var name = text[start..i];
            if (i < text.Length && text[i] == '=')
            {
                i++;
                string value;
                if (i < text.Length && text[i] is '"' or '\'')
                {
                    var quote = text[i++];
                    var end = text.IndexOf(quote, i);
                    if (end < 0) end = text.Length;
                    value = text[i..end];
                    i = Math.Min(text.Length, end + 1);
                }
                else
                {
                    var vs = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != ',') i++;
                    value = text[vs..i];
                }
                props.Add(new(name, value));
            }
            else if (name.StartsWith('.')) classes.Add(name[1..]);
            else if (name.StartsWith('#') || name.Length == 0) { }
            else classes.Add(name);
        }
    }
}
