using System.Collections.Immutable;
using System.Text;

namespace Bookish.Reading.Syntax;

/// <summary>Pandoc attributes <c>{#id .class key="value" key=value}</c>, read once for fenced divs.</summary>
internal sealed record DivAttributes(string? Id, ImmutableArray<string> Classes, ImmutableDictionary<string, string> Properties)
{
    public static DivAttributes Empty { get; } = new(null, [], ImmutableDictionary<string, string>.Empty);

    public string? this[string key] => Properties.GetValueOrDefault(key);

    /// <summary>Reads the text between the braces; null when it is not an attribute list.</summary>
    public static DivAttributes? Parse(string text)
    {
        string? id = null;
        var classes = ImmutableArray.CreateBuilder<string>();
        var props = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var start = i;
            if (text[i] is '#' or '.')
            {
                var kind = text[i++];
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                var word = text[(start + 1)..i];
                if (word.Length == 0) return null;
                if (kind == '#') id = word; else classes.Add(word);
                continue;
            }
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i])) i++;
            var key = text[start..i];
            if (i >= text.Length || text[i] != '=' || key.Length == 0) return null;
            i++;
            var value = new StringBuilder();
            if (i < text.Length && text[i] is '"' or '\'' or '“')
            {
                var quote = text[i] == '“' ? '”' : text[i];
                i++;
                while (i < text.Length && text[i] != quote)
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == quote) i++;
                    value.Append(text[i++]);
                }
                if (i >= text.Length) return null;
                i++;
            }
            else while (i < text.Length && !char.IsWhiteSpace(text[i])) value.Append(text[i++]);
            props[key] = value.ToString();
        }
        return new DivAttributes(id, classes.ToImmutable(), props.ToImmutable());
    }
}
