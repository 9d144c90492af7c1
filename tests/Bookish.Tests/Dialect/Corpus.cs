namespace Bookish.Tests.Dialect;

/// <summary>The shared test corpus (never copied into the repository): <c>../shared/corpus</c> from the repository root.</summary>
internal static class Corpus
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bookish.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Bookish.sln not found above " + AppContext.BaseDirectory);
        var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
        if (!Directory.Exists(corpus)) throw new DirectoryNotFoundException($"the shared test corpus is expected at {corpus} (beside the repository)");
        return corpus;
    }

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string MatrixCalculus => Path_("matrix-calculus", "article.xml");
    public static string MatrixCalculusIndex => Path_("matrix-calculus", "index.xml");
    public static string MatrixCalculusMd => Path_("matrix-calculus-md", "matrix-calculus.json");
    public static string MatrixCalculusMdText => Path_("matrix-calculus-md", "matrix-calculus.md");
    public static string Simple => Path_("bookish-simple", "book.xml");
}
