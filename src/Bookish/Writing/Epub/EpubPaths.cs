namespace Bookish.Writing.Epub;

/// <summary>Names inside the container: the package's folder, and file names written as URLs (each segment escaped).</summary>
internal static class EpubPaths
{
    public const string ContentFolder = "OEBPS";

    /// <summary>A relative file name as a URL reference: <c>images/my plot.png</c> → <c>images/my%20plot.png</c>.</summary>
    public static string Href(string name) => string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A manifest id (an XML name) for a file name, unique among those already given.</summary>
    public static string Id(string name, ISet<string> taken)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var id = "f-" + new string(chars);
        var unique = id;
        for (var k = 2; !taken.Add(unique); k++) unique = id + "-" + k;
        return unique;
    }
}
