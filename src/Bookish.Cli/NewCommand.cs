using System.CommandLine;
using System.Globalization;
using Bookish.Toolchain;

namespace Bookish.Cli;

/// <summary>
/// <c>bookish new article|book DIR</c>: a project an author can build at once (front matter, notation file, a check
/// block, a plot, a .bib, a .gitignore and a GitHub workflow that installs the tool, builds and checks).
/// </summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "article (one page) or book (an index page and chapters)" };
        kind.AcceptOnlyFromAmong("article", "book");
        var dir = BookishCommand.InputArgument("The folder to create (it may exist if it is empty)", "dir");
        var title = new Option<string?>("--title") { Description = "The document's title (default: made from the folder's name)" };
        var cmd = new Command("new", "Start a project: a document that builds at once, its notation, bibliography, .gitignore and CI workflow") { kind, dir, title };
        cmd.SetAction(parse =>
        {
            var target = parse.GetValue(dir)!;
            if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
            {
                Console.Error.WriteLine($"bookish: error: {target} already exists and is not an empty folder; give a new folder");
                return ExitCodes.Usage;
            }
            var written = Scaffold.Write(parse.GetValue(kind)!, target, parse.GetValue(title));
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(target));
            Console.Error.WriteLine($"bookish: created {shown} ({written.Count} files: {string.Join(", ", written)})");
            Console.Error.WriteLine($"next: bookish build {shown}    (or: bookish serve {shown}, then edit {Path.Combine(shown, "index.md")})");
            return ExitCodes.Success;
        });
        return cmd;
    }
}

/// <summary>The scaffold's files, embedded in the program (Scaffold/), with a few words filled in.</summary>
internal static class Scaffold
{
    /// <summary>Writes the project; returns the files written, relative to <paramref name="target"/>.</summary>
    public static IReadOnlyList<string> Write(string kind, string target, string? title)
    {
        var full = Path.GetFullPath(target);
        var name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
        var words = new Dictionary<string, string>
        {
            ["{{title}}"] = Yaml(title ?? TitleFrom(name)),
            ["{{date}}"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["{{name}}"] = Safe(name),
            ["{{input}}"] = ".",
            ["{{apt-packages}}"] = string.Join(' ', AptPackages()),
        };
        var files = new List<(string Resource, string Path)>();
        var prefix = $"Bookish.Cli.Scaffold.{kind}/";
        foreach (var resource in typeof(Scaffold).Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
            if (resource.StartsWith(prefix, StringComparison.Ordinal)) files.Add((resource, resource[prefix.Length..]));
        files.Add(("Bookish.Cli.Scaffold.shared/references.bib", "references.bib"));
        files.Add(("Bookish.Cli.Scaffold.shared/gitignore", ".gitignore"));
        files.Add(("Bookish.Cli.Scaffold.shared/bookish.yml", Path.Combine(".github", "workflows", "bookish.yml")));
        foreach (var (resource, path) in files)
        {
            var text = Read(resource);
            foreach (var (word, value) in words) text = text.Replace(word, value);
            var destination = Path.Combine(full, path);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.WriteAllText(destination, text);
        }
        return files.Select(f => f.Path.Replace('\\', '/')).ToList();
    }

    /// <summary>The Debian packages a build needs (packages.tsv's build rows), for the workflow's apt-get line.</summary>
    internal static IEnumerable<string> AptPackages() =>
        DebianPackages.All.Where(r => r.When == "build").SelectMany(r => r.Packages.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order(StringComparer.Ordinal);

    /// <summary>"my-first_paper" -> "My first paper".</summary>
    internal static string TitleFrom(string folder)
    {
        var spaced = string.Join(' ', folder.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries));
        return spaced.Length == 0 ? "Untitled" : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    /// <summary>A YAML scalar that stays one string whatever the title holds (colons, quotes, #).</summary>
    private static string Yaml(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>A file-name-safe word for the workflow's output folder and artifact.</summary>
    private static string Safe(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('.', '-');
        return safe.Length == 0 ? "site" : safe;
    }

    private static string Read(string resource)
    {
        using var stream = typeof(Scaffold).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the scaffold file {resource} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
