namespace Bookish.IntegrationTests.Parity;

/// <summary>Paths of the repository the tests run in, and a scratch folder per test run.</summary>
internal static class Repo
{
    public static string Root => Support.Repo.Root;
    /// <summary>Deleted when the test process ends (or by a run two hours later), unless BOOKISH_KEEP_SCRATCH is set.</summary>
    public static readonly string Scratch = CreateScratch();
    public static string CacheDirectory => Path.Combine(Scratch, "cache");
    public static string EveryNode => Path.Combine(Root, "tests", "Bookish.IntegrationTests", "Parity", "every-node");
    public static string ContentArticle => Path.Combine(Root, "content", "vector-derivatives");

    private static string CreateScratch()
    {
        // The test host is not always given the chance to run exit handlers: also sweep scratch folders of old runs.
        foreach (var old in new DirectoryInfo(Path.GetTempPath()).GetDirectories("bookish-parity-*"))
            if (old.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-2))
                try { old.Delete(true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        var path = Directory.CreateTempSubdirectory("bookish-parity-").FullName;
        if (Environment.GetEnvironmentVariable("BOOKISH_KEEP_SCRATCH") is null)
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(path, true); } catch (IOException) { } };
        return path;
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
