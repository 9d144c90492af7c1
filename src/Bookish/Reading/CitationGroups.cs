using System.Collections.Immutable;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Reading;

/// <summary>
/// Pandoc's bracketed citations over the reader's inlines: <c>[@a]</c>, <c>[@a; @b]</c>, <c>[see @a, pp. 3-5]</c> and
/// <c>[-@a]</c> become one parenthetical <see cref="Citation"/>; a bare <c>@a [p. 3]</c> keeps its locator. Each item
/// of a group holds exactly one key; anything else in brackets stays text.
/// </summary>
internal static class CitationGroups
{
    public static List<Inline> Group(List<Inline> inlines)
    {
        if (!inlines.Any(i => i is Citation { Bare: true })) return inlines;
        var result = new List<Inline>();
        inlines = [.. inlines];
        for (var i = 0; i < inlines.Count; i++)
        {
            if (inlines[i] is Str s && TryBracket(inlines, i, s) is { } group)
            {
                if (group.Before.Length > 0) result.Add(s with { Value = group.Before });
                result.Add(group.Citation);
                // What follows the closing bracket may open the next group: read it again.
                if (group.After is { Value.Length: > 0 } after) { inlines[group.Last] = after; i = group.Last - 1; }
                else i = group.Last;
                continue;
            }
            if (inlines[i] is Citation { Bare: true } bare && i + 1 < inlines.Count && inlines[i + 1] is Str next && Locator(next.Value) is { } loc)
            {
                result.Add(bare with { Items = [bare.Items[0] with { Suffix = loc.Suffix }], Bare = false });
                if (loc.After.Length > 0) result.Add(next with { Value = loc.After });
                i++;
                continue;
            }
            result.Add(inlines[i]);
        }
        return result;
    }

    /// <summary>" [p. 33] rest" after a bare key: the locator and what follows it.</summary>
    private static (string Suffix, string After)? Locator(string text)
    {
        if (!text.StartsWith(" [", StringComparison.Ordinal)) return null;
        var close = text.IndexOf(']');
        if (close < 0 || text.IndexOf('[', 2) is var again && again >= 0 && again < close) return null;
        var inner = text[2..close].Trim();
        return inner.Length == 0 || inner.Contains('@') ? null : (inner, text[(close + 1)..]);
    }

    private sealed record Found(string Before, Citation Citation, Str? After, int Last);

    private static Found? TryBracket(List<Inline> inlines, int i, Str s)
    {
        var open = s.Value.LastIndexOf('[');
        if (open < 0 || s.Value.IndexOf(']', open) >= 0) return null;
        // Tokens between '[' and ']': text and bare citations.
        var tokens = new List<object> { s.Value[(open + 1)..] };
        for (var j = i + 1; j < inlines.Count; j++)
        {
            switch (inlines[j])
            {
                case Citation { Bare: true } c: tokens.Add(c); break;
                case SoftBreak: tokens.Add(" "); break;
                case Str t:
                {
                    var close = t.Value.IndexOf(']');
                    var reopen = t.Value.IndexOf('[');
                    if (reopen >= 0 && (close < 0 || reopen < close)) return null;
                    if (close < 0) { tokens.Add(t.Value); break; }
                    tokens.Add(t.Value[..close]);
                    if (Items(tokens) is not { } items) return null;
                    var span = new SourceSpan(s.Span.Path, s.Span.Line, s.Span.Column + open, t.Span.Line, t.Span.Column + close);
                    var cite = new Citation([.. items.Select(x => x.Key)], span) { Items = items };
                    var rest = t.Value[(close + 1)..];
                    var after = rest.Length > 0 ? t with { Value = rest, Span = t.Span with { Column = t.Span.Column + close + 1 } } : null;
                    return new Found(s.Value[..open], cite, after, j);
                }
                default: return null;
            }
        }
        return null;
    }

    /// <summary>Items separated by ';', each "prefix [-]@key suffix" with exactly one key.</summary>
    private static ImmutableArray<CitationItem>? Items(List<object> tokens)
    {
        var items = ImmutableArray.CreateBuilder<CitationItem>();
        var prefix = new System.Text.StringBuilder();
        var suffix = new System.Text.StringBuilder();
        Citation? key = null;
        bool Flush()
        {
            if (key is null) return false;
            var pre = prefix.ToString().TrimEnd();
            var suppress = pre.EndsWith('-');
            if (suppress) pre = pre[..^1].TrimEnd();
            var post = suffix.ToString().Trim();
            if (post.StartsWith(',')) post = post[1..].TrimStart();
            items.Add(new CitationItem(key.Keys[0]) { Prefix = pre.Trim(), Suffix = post, SuppressAuthor = suppress });
            prefix.Clear(); suffix.Clear(); key = null;
            return true;
        }
        foreach (var token in tokens)
        {
            if (token is Citation c)
            {
                if (key is not null) return null;
                key = c;
                continue;
            }
            var text = (string)token;
            var parts = text.Split(';');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0 && !Flush()) return null;
                (key is null ? prefix : suffix).Append(parts[p]);
            }
        }
        if (!Flush()) return null;
        return items.ToImmutable();
    }
}
