using System.Globalization;
using Bookish.Model;
using YamlDotNet.Serialization;

namespace Bookish.Writing.Markdown;

/// <summary>YAML front matter in the keys <see cref="Reading.MarkdownReader"/> understands.</summary>
internal static class FrontMatter
{
    public static string Write(Metadata m, string? label = null, IReadOnlyList<string>? chapters = null)
    {
        var map = new Dictionary<string, object>();
        if (m.Title.Length > 0) map["title"] = m.Title;
        if (label is { Length: > 0 }) map["label"] = label;
        if (m.Subtitle is { Length: > 0 }) map["subtitle"] = m.Subtitle;
        if (m.Authors.Length > 0)
            map["authors"] = m.Authors.Select(a =>
            {
                var author = new Dictionary<string, string> { ["name"] = a.Name };
                if (a.Url is { Length: > 0 }) author["url"] = a.Url;
                if (a.Affiliation is { Length: > 0 }) author["affiliation"] = a.Affiliation;
                return author;
            }).ToList();
        if (m.Date is { Length: > 0 }) map["date"] = m.Date;
        if (m.Abstract.Length > 0) map["abstract"] = MarkdownWriter.WriteBlocks(m.Abstract);
        if (m.Lang != "en") map["lang"] = m.Lang;
        if (!m.NumberSections) map["numbersections"] = false;
        if (!m.TableOfContents) map["toc"] = false;
        if (m.Macros.Length > 0)
            map["macros"] = m.Macros.ToDictionary(d => d.Name, d => (object)new List<object> { d.Body, d.Arguments });
        if (m.Description is { Length: > 0 }) map["description"] = m.Description;
        if (m.Image is { Length: > 0 }) map["image"] = m.Image;
        if (m.Url is { Length: > 0 }) map["url"] = m.Url;
        if (m.TwitterHandle is { Length: > 0 }) map["twitter"] = m.TwitterHandle;
        if (m.Bibliography is { Length: > 0 }) map["bibliography"] = m.Bibliography;
        if (m.Copyright is { Length: > 0 }) map["copyright"] = m.Copyright;
        if (m.Css is { Length: > 0 }) map["css"] = m.Css;
        if (m.DocumentCss.Length > 0) map["doc-css"] = m.DocumentCss.ToList();
        if (chapters is { Count: > 0 }) map["chapters"] = chapters.ToList();
        if (map.Count == 0) return "";
        var yaml = new SerializerBuilder().Build().Serialize(map);
        return "---\n" + yaml.TrimEnd() + "\n---";
    }

    internal static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
