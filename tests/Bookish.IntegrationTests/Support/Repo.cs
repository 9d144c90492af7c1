namespace Bookish.IntegrationTests.Support;

internal static class Repo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bookish.sln"))) return dir.FullName;
        throw new InvalidOperationException("Bookish.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Content(string name) => Path.Combine(Root, "content", name);

    public static string Corpus(params string[] parts) => Path.GetFullPath(Path.Combine([Root, "..", "shared", "corpus", .. parts]));

    public static string TempDirectory(string prefix = "bookish-it-") => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Writes a Markdown document into a fresh folder and returns its path.</summary>
    public static string WriteDocument(string markdown, string name = "doc.md")
    {
        var dir = TempDirectory();
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, markdown);
        return path;
    }
}
