using System.Collections.Immutable;

namespace Bookish.Reading;

/// <summary>Reads one tag at an offset. Pure: problems are returned in <see cref="Tag.Errors"/>, never thrown.</summary>
internal static class TagReader
{
    public static bool IsNameStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsNameChar(char c) => IsNameStart(c) || char.IsDigit(c) || c is '-' or '_' or ':';

    private static bool IsBareValueChar(char c) => !char.IsWhiteSpace(c) && c is not ('>' or '"' or '\'' or '<' or '=' or '{' or '}');

    /// <summary>The tag starting at <paramref name="pos"/> (which holds '&lt;'), or null when the text there is not a tag.</summary>
    public static Tag? TryRead(string text, int pos, int end)
    {
        if (pos + 1 >= end || text[pos] != '<') return null;
        var i = pos + 1;
        var close = false;
        if (text[i] == '/') { close = true; i++; }
        if (i >= end || !IsNameStart(text[i])) return null;
        var nameStart = i;
        while (i < end && IsNameChar(text[i])) i++;
        var name = text[nameStart..i].ToLowerInvariant();
        if (i < end && !char.IsWhiteSpace(text[i]) && text[i] is not ('>' or '/')) return null; // "<a+b" is text
        var attrs = ImmutableArray.CreateBuilder<TagAttribute>();
        var errors = ImmutableArray.CreateBuilder<(int, int, string)>();
        var selfClosed = false;
        while (true)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            if (i >= end)
            {
                errors.Add((pos, i, $"tag <{(close ? "/" : "")}{name}> is not closed with '>'"));
                var lineEnd = text.IndexOf('\n', pos);
                return new Tag(name, close, attrs.ToImmutable(), pos, lineEnd < 0 || lineEnd > end ? end : lineEnd) { Errors = errors.ToImmutable() };
            }
            var c = text[i];
            if (c == '>') { i++; break; }
            if (c == '/' && i + 1 < end && text[i + 1] == '>') { selfClosed = true; i += 2; break; }
            if (close || !IsNameStart(c))
            {
                var stop = text.IndexOf('>', i);
                if (stop < 0 || stop >= end) stop = end - 1;
                errors.Add((i, i, $"unexpected '{c}' in tag <{(close ? "/" : "")}{name}>"));
                i = stop + 1;
                break;
            }
            var attrStart = i;
            while (i < end && IsNameChar(text[i])) i++;
            var attrName = text[attrStart..i];
            var j = i;
            while (j < end && char.IsWhiteSpace(text[j])) j++;
            if (j >= end || text[j] != '=')
            {
                attrs.Add(new TagAttribute(attrName, "", i, i, false));
                continue;
            }
            j++;
            while (j < end && char.IsWhiteSpace(text[j])) j++;
            if (j >= end) { i = j; continue; }
            if (text[j] is '"' or '\'')
            {
                var quote = text[j];
                var k = j + 1;
                while (k < end && text[k] != quote) k += text[k] == '\\' && k + 1 < end && text[k + 1] == quote ? 2 : 1;
                if (k >= end)
                {
                    errors.Add((j, j, $"attribute {attrName} of <{name}>: missing closing {quote}"));
                    attrs.Add(new TagAttribute(attrName, text[(j + 1)..end], j + 1, end, false));
                    i = end;
                    continue;
                }
                attrs.Add(new TagAttribute(attrName, text[(j + 1)..k].Replace("\\" + quote, quote.ToString()), j + 1, k, false));
                i = k + 1;
            }
            else if (text[j] == '{')
            {
                var depth = 0;
                var k = j;
                for (; k < end; k++)
                {
                    if (text[k] == '\\') { k++; continue; }
                    if (text[k] == '{') depth++;
                    else if (text[k] == '}' && --depth == 0) break;
                }
                if (k >= end)
                {
                    errors.Add((j, j, $"attribute {attrName} of <{name}>: missing closing }}"));
                    attrs.Add(new TagAttribute(attrName, text[(j + 1)..end], j + 1, end, true));
                    i = end;
                    continue;
                }
                attrs.Add(new TagAttribute(attrName, text[(j + 1)..k], j + 1, k, true));
                i = k + 1;
            }
            else
            {
                var k = j;
                while (k < end && IsBareValueChar(text[k])) k++;
                if (k == j)
                {
                    errors.Add((j, j, $"attribute {attrName} of <{name}> has no value"));
                    i = j;
                    continue;
                }
                attrs.Add(new TagAttribute(attrName, text[j..k], j, k, false));
                i = k;
            }
        }
        return new Tag(name, close, attrs.ToImmutable(), pos, i) { Errors = errors.ToImmutable(), SelfClosed = selfClosed };
    }
}
