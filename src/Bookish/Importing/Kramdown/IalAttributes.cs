using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Bookish.Importing.Kramdown;

/// <summary>A kramdown inline attribute list (<c>{: #id .class key="value"}</c>), read once, applied piece by piece.</summary>
internal sealed partial record IalAttributes(string? Id, ImmutableArray<string> Classes, ImmutableArray<KeyValuePair<string, string>> Properties)
{
    [GeneratedRegex(@"#(?<id>[\w:.-]+)|\.(?<cls>[\w-]+)|(?<key>[\w-]+)\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s}]+))|(?<bare>[\w-]+)")]
    private static partial Regex Part();

    public static IalAttributes Parse(string body)
    {
        string? id = null;
        var classes = ImmutableArray.CreateBuilder<string>();
        var props = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (Match m in Part().Matches(body))
        {
            if (m.Groups["id"].Success) id = m.Groups["id"].Value;
            else if (m.Groups["cls"].Success) classes.Add(m.Groups["cls"].Value);
            else if (m.Groups["key"].Success) props.Add(new(m.Groups["key"].Value, m.Groups["v"].Value));
            else if (m.Groups["bare"].Success) props.Add(new(m.Groups["bare"].Value, ""));
        }
        return new IalAttributes(id, classes.ToImmutable(), props.ToImmutable());
    }

    public bool IsEmpty => Id is null && Classes.IsEmpty && Properties.IsEmpty;

    public IalAttributes Without(string cls) => this with { Classes = Classes.Remove(cls) };

    /// <summary>What an image keeps in Bookish: its id (a label) and a width or height in percent.</summary>
    public IalAttributes ForImage() => new(Id, [],
        [.. Properties.Where(p => p.Key is "width" or "height" && p.Value.EndsWith('%'))]);

    public IalAttributes Minus(IalAttributes kept) => new(kept.Id is null ? Id : null,
        [.. Classes.Except(kept.Classes)], [.. Properties.Where(p => !kept.Properties.Contains(p))]);

    /// <summary>Pandoc's attribute list, without the braces.</summary>
    public string ToPandoc() => string.Join(" ", new[] { Id is null ? null : "#" + Id }
        .Concat(Classes.Select(c => "." + c)).Concat(Properties.Select(p => $"{p.Key}={p.Value}")).Where(s => s is not null));

    public override string ToString() => string.Join(" ", new[] { Id is null ? null : "#" + Id }
        .Concat(Classes.Select(c => "." + c)).Concat(Properties.Select(p => p.Value.Length == 0 ? p.Key : $"{p.Key}=\"{p.Value}\"")).Where(s => s is not null));
}
