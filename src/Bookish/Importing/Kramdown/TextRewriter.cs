using System.Text.RegularExpressions;
using Bookish.Diagnostics;

namespace Bookish.Importing.Kramdown;

/// <summary>
/// Text outside math and code: Liquid links as relative links, <c>{% raw %}</c> tags dropped, kramdown span
/// attributes (<c>![a](x.png){: width="50%"}</c>) as Pandoc's; any other Liquid is left as text with a warning.
/// Site paths (<c>/assets/x.png</c>) become relative to the post (the caller copies the files beside it), and a
/// post named by <c>post_url</c> is linked as <c>../NAME/</c> (its own folder when each converted post is built into a folder of its name).
/// </summary>
internal static partial class TextRewriter
{
    [GeneratedRegex(@"\{%-?\s*(?:raw|endraw)\s*-?%\}")] private static partial Regex RawTag();
    [GeneratedRegex(@"(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})*\{%-?\s*post_url\s+(?<name>[^\s%]+)\s*-?%\}")] private static partial Regex PostUrl();
    [GeneratedRegex(@"(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})*\{%-?\s*link\s+(?<path>[^\s%]+)\s*-?%\}")] private static partial Regex LinkTag();
    [GeneratedRegex(@"\{\{-?\s*(?:""(?<path>[^""]*)""|'(?<path>[^']*)')\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}")] private static partial Regex UrlFilter();
    [GeneratedRegex(@"(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})+(?<path>/[^\s)""'>\]]*)?")] private static partial Regex SitePrefix();
    [GeneratedRegex(@"\{%.*?%\}|\{\{.*?\}\}", RegexOptions.Singleline)] private static partial Regex AnyLiquid();
    [GeneratedRegex(@"(?<before>[)*_`\]])?\{:(?!:)(?<body>[^}\n]*)\}")] private static partial Regex SpanIal();

    private static readonly HashSet<string> AssetExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf", ".csv", ".txt", ".bib", ".ipynb", ".py", ".zip",
    };

    [GeneratedRegex(@"(?<lead>\]\(|\bsrc\s*=\s*[""']?)(?<path>/(?!/)[^\s)""'>]*)")] private static partial Regex SiteAbsolute();

    /// <summary>The text with its code spans kept as they are and everything between them rewritten.</summary>
    public static string Text(string text, int line, KramdownImporter.ImportContext context)
    {
        if (!text.Contains('`', StringComparison.Ordinal)) return Rewrite(text, line, context);
        var sb = new System.Text.StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] != '`') continue;
            var run = 1;
            while (i + run < text.Length && text[i + run] == '`') run++;
            var close = text.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
            if (close < 0) { i += run - 1; continue; }
            sb.Append(Rewrite(text[at..i], line + MathSegments.Lines(text, at), context)).Append(text, i, close + run - i);
            at = close + run;
            i = at - 1;
        }
        return sb.Append(Rewrite(text[at..], line + MathSegments.Lines(text, at), context)).ToString();
    }

    private static string Rewrite(string text, int line, KramdownImporter.ImportContext context)
    {
        if (text.Length == 0) return text;
        var original = text;
        text = RawTag().Replace(text, "");
        text = PostUrl().Replace(text, m => "../" + PostName(m.Groups["name"].Value) + "/");
        text = LinkTag().Replace(text, m => m.Groups["path"].Value.TrimStart('/').StartsWith("_posts/", StringComparison.Ordinal)
            ? "../" + PostName(m.Groups["path"].Value) + "/"
            : Site(m.Groups["path"].Value, context));
        text = UrlFilter().Replace(text, m => Site(m.Groups["path"].Value, context));
        text = SitePrefix().Replace(text, m => Site(m.Groups["path"].Success ? m.Groups["path"].Value : "/", context));
        // Site-absolute targets of links, images and src attributes (/assets/x.png) are relative to the post too.
        text = SiteAbsolute().Replace(text, m => m.Groups["lead"].Value + Site(m.Groups["path"].Value, context));
        // Positions are the post's own: what is left is found again in the text as written.
        var from = 0;
        foreach (Match m in AnyLiquid().Matches(text))
        {
            var at = original.IndexOf(m.Value, from, StringComparison.Ordinal);
            if (at < 0) at = from;
            else from = at + m.Value.Length;
            context.Warn(DiagnosticIds.KramdownLiquid, line + MathSegments.Lines(original, at), MathSegments.Column(original, at),
                $"Liquid '{Short(m.Value)}' has no Markdown equivalent: left as text");
        }
        text = SpanIal().Replace(text, m => SpanAttributes(m, text, line, context));
        return text;
    }

    /// <summary>A span attribute list after an image or link keeps what Bookish reads (id, classes, width/height in %); the rest is reported.</summary>
    private static string SpanAttributes(Match m, string text, int line, KramdownImporter.ImportContext context)
    {
        var attrs = IalAttributes.Parse(m.Groups["body"].Value);
        var before = m.Groups["before"].Value;
        IalAttributes kept = before == ")" ? attrs.ForImage() with { Classes = attrs.Classes } : new IalAttributes(null, [], []);
        var dropped = attrs.Minus(kept);
        if (!dropped.IsEmpty)
            context.Warn(DiagnosticIds.KramdownAttributeDropped, line + MathSegments.Lines(text, m.Index), MathSegments.Column(text, m.Index),
                $"span attributes {dropped} have no Bookish equivalent: dropped");
        return before + (kept.IsEmpty ? "" : "{" + kept.ToPandoc() + "}");
    }

    /// <summary>A site path as a path relative to the converted post; files are noted for copying.</summary>
    internal static string Site(string path, KramdownImporter.ImportContext context)
    {
        var relative = path.Trim().TrimStart('/');
        var clean = relative.Split('?', '#')[0];
        if (AssetExtensions.Contains(Path.GetExtension(clean)) && !clean.Contains("..", StringComparison.Ordinal)) context.Assets.Add(clean);
        return relative.Length == 0 ? "./" : relative;
    }

    private static string PostName(string reference)
    {
        var name = reference.Trim().TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFileNameWithoutExtension(name) : name;
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..37] + "…";
}
