using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Bookish.Importing.Kramdown;

/// <summary>
/// Jekyll front matter as Bookish front matter: title, subtitle, date (from the file name when absent, time of day
/// dropped), author(s), description (from <c>excerpt</c>, <c>description</c> or <c>summary</c>), tags (with
/// categories), image, lang; <c>toc</c> set by the post's TOC marker; headings unnumbered as on a blog. Jekyll's
/// own keys (<c>layout</c>, <c>permalink</c>, <c>published</c>, <c>mathjax</c>, <c>comments</c>, …) are dropped.
/// </summary>
internal static partial class KramdownFrontMatter
{
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})-")] private static partial Regex DatedName();
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")] private static partial Regex IsoDate();

    public static string Write(string? yaml, string fileName, bool toc, Action<int, string> warn)
    {
        var map = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(yaml))
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
                    foreach (var (k, v) in root.Children)
                        if (k is YamlScalarNode { Value: { } key }) map[key] = v;
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                warn((int)e.Start.Line, "front matter is not valid YAML (" + e.Message + "): only the title from the file name is kept");
            }
        }
        var sb = new StringBuilder("---\n");
        string? Scalar(string key) => map.GetValueOrDefault(key) is YamlScalarNode { Value: { Length: > 0 } v } ? v : null;
        if (Scalar("title") is { } title) sb.Append("title: ").Append(Quote(title)).Append('\n');
        if (Scalar("subtitle") is { } subtitle) sb.Append("subtitle: ").Append(Quote(subtitle)).Append('\n');
        var date = Scalar("date") is { } d && IsoDate().Match(d) is { Success: true } iso ? iso.Value
            : DatedName().Match(fileName) is { Success: true } named ? named.Groups[1].Value : null;
        if (date is not null) sb.Append("date: ").Append(date).Append('\n');
        var authors = Names(map.GetValueOrDefault("authors") ?? map.GetValueOrDefault("author"));
        if (authors.Count > 0) sb.Append("authors: [").Append(string.Join(", ", authors.Select(Quote))).Append("]\n");
        if ((Scalar("description") ?? Scalar("excerpt") ?? Scalar("summary")) is { } description)
            sb.Append("description: ").Append(Quote(description.Trim())).Append('\n');
        var tags = Names(map.GetValueOrDefault("tags"), true).Concat(Names(map.GetValueOrDefault("categories"), true)).Concat(Names(map.GetValueOrDefault("category"), true))
            .Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > 0) sb.Append("tags: [").Append(string.Join(", ", tags.Select(Quote))).Append("]\n");
        var image = Scalar("image") ?? (map.GetValueOrDefault("header") is YamlMappingNode header
            && header.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "image" or "teaser" or "og_image" }).Value is YamlScalarNode { Value: { } hi } ? hi : null);
        if (image is { Length: > 0 } && !image.Contains("://", StringComparison.Ordinal)) sb.Append("image: ").Append(Quote(image.TrimStart('/'))).Append('\n');
        if (Scalar("lang") is { } lang) sb.Append("lang: ").Append(Quote(lang)).Append('\n');
        sb.Append("toc: ").Append(toc || Scalar("toc") is "true" ? "true" : "false").Append('\n');
        sb.Append("numbersections: false\n");
        sb.Append("---\n");
        return sb.ToString();
    }

    /// <summary>A name, a list of names, or maps with a <c>name</c>; Jekyll's tags may also be one string split at spaces.</summary>
    private static List<string> Names(YamlNode? node, bool words = false) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } v } => words
            ? [.. v.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [v.Trim()],
        YamlSequenceNode s => [.. s.Children.SelectMany(c => Names(c))],
        YamlMappingNode m => m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "name" }).Value is YamlScalarNode { Value: { } n } ? [n] : [],
        _ => [],
    };

    /// <summary>A YAML double-quoted string (JSON's escapes are YAML's).</summary>
    internal static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
