using System.Text.RegularExpressions;

namespace Bookish.Tests.Dialect;

/// <summary>Counts made straight from the source text with plain patterns, independent of the reader.</summary>
internal sealed record SourceCounts(List<string> Inline, List<string> Display, List<string> Latex, int Links, int Images, List<int> TableMath)
{
    public static SourceCounts Of(string text, bool legacy)
    {
        var latexPattern = legacy ? new Regex(@"\\latex\{\{(.*?)\n\}\}", RegexOptions.Singleline) : new Regex(@"<latex>(.*?)</latex>", RegexOptions.Singleline);
        var displayPattern = legacy ? new Regex(@"\\\\\[(.+?)\\\\\]", RegexOptions.Singleline) : new Regex(@"\\\[(.+?)\\\]", RegexOptions.Singleline);
        var inlinePattern = new Regex(@"(?<!\\)\$([^$]+)\$");
        var latex = latexPattern.Matches(text).Select(m => m.Groups[1].Value.Trim()).ToList();
        var rest = latexPattern.Replace(text, "");
        var display = displayPattern.Matches(rest).Select(m => m.Groups[1].Value).ToList();
        rest = displayPattern.Replace(rest, "");
        var inline = inlinePattern.Matches(rest).Select(m => m.Groups[1].Value).ToList();
        var links = Regex.Matches(rest, @"\[[^\]]+\]\([^)]+\)").Count;
        var images = Regex.Matches(rest, @"<img\s").Count;
        var tables = Regex.Matches(rest, @"<table>(.*?)</table>", RegexOptions.Singleline)
            .Select(t => inlinePattern.Matches(t.Groups[1].Value).Count).ToList();
        return new SourceCounts(inline, display, latex, links, images, tables);
    }
}
