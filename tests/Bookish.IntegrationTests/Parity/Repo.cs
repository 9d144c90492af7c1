namespace Bookish.IntegrationTests.Parity;

/// <summary>Paths of the repository the tests run in, and a scratch folder per test run.</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();
    public static readonly string Scratch = Directory.CreateTempSubdirectory("bookish-parity-").FullName;
    public static string CacheDirectory => Path.Combine(Scratch, "cache");
    public static string EveryNode => Path.Combine(Root, "tests", "Bookish.IntegrationTests", "Parity", "every-node");
    public static string ContentArticle => Path.Combine(Root, "content", "vector-derivatives");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bookish.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Bookish.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The 1-based line of the first source line containing <paramref name="text"/>, as "index.md:N".</summary>
    public static string SourceLineOf(string folder, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "index.md"));
        var i = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        if (i < 0) throw new ArgumentException($"'{text}' is not in {folder}/index.md");
        return $"index.md:{i + 1}";
    }
}
