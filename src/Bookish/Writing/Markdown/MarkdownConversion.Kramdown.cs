using Bookish.Diagnostics;
using Bookish.Importing.Kramdown;

namespace Bookish.Writing.Markdown;

internal static partial class MarkdownConversion
{
    /// <summary>
    /// <c>bookish convert post.md --from kramdown -o DIR</c>: a Jekyll post (kramdown, MathJax habits) as Bookish
    /// Markdown-with-math in DIR under the post's file name, with the site files it uses (images under
    /// <c>/assets/…</c>) copied beside it from the Jekyll site (the folder above the post holding <c>_config.yml</c>,
    /// or the one holding <c>_posts</c>), never from outside it.
    /// </summary>
    public static ConversionResult ConvertKramdown(string input, string outputDirectory)
    {
        var diagnostics = new DiagnosticBag();
        var output = Path.GetFullPath(outputDirectory);
        var path = Path.GetFullPath(input);
        if (!File.Exists(path))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InputNotFound, Text.SourceSpan.At(input, 1, 1), $"'{input}' is not a file: --from kramdown converts one post"));
            return new ConversionResult(diagnostics.ToList(), output, []);
        }
        var result = KramdownImporter.Import(input, File.ReadAllText(path));
        foreach (var d in result.Diagnostics) diagnostics.Add(d);
        Directory.CreateDirectory(output);
        var name = Path.GetFileNameWithoutExtension(path) + ".md";
        File.WriteAllText(Path.Combine(output, name), result.Markdown);
        var written = new List<string> { name };
        var site = SiteRoot(Path.GetDirectoryName(path)!);
        foreach (var asset in result.Assets)
        {
            var resolved = new Security.ProjectRoot(site).Resolve(site, asset);
            if (resolved.Status is Security.PathStatus.Outside or Security.PathStatus.Invalid || !File.Exists(resolved.RealPath)) continue;
            var to = Path.GetFullPath(Path.Combine(output, asset));
            if (!to.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(resolved.RealPath, to, overwrite: true);
            written.Add(asset);
        }
        return new ConversionResult(diagnostics.ToList(), output, written);
    }

    /// <summary>The Jekyll site a post belongs to: the nearest folder above it with _config.yml, else the parent of _posts, else its own folder.</summary>
    private static string SiteRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "_config.yml")) || File.Exists(Path.Combine(dir.FullName, "_config.yaml"))) return dir.FullName;
        var here = new DirectoryInfo(folder);
        return here.Name == "_posts" && here.Parent is not null ? here.Parent.FullName : folder;
    }
}
