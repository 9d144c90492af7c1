namespace Bookish.Diagnostics;

/// <summary>
/// Absolute paths as GitHub annotations need them: relative to the repository (<c>GITHUB_WORKSPACE</c>, else the folder holding
/// <c>.git</c> above the file, else the current directory), with forward slashes, so annotations land on the pull
/// request's files.
/// </summary>
internal static class RepoPath
{
    public static string Relative(string path) => Relative(path, Environment.GetEnvironmentVariable("GITHUB_WORKSPACE"));

    /// <param name="workspace">The repository's folder when known (GitHub's checkout), else null to look for <c>.git</c>.</param>
    public static string Relative(string path, string? workspace)
    {
        // A relative path is relative to where bookish runs (the repository's root in CI): kept as it is.
        if (string.IsNullOrEmpty(path) || !Path.IsPathRooted(path)) return path;
        var full = Path.GetFullPath(path);
        var root = workspace is { Length: > 0 } ws ? Path.GetFullPath(ws) : GitRoot(full) ?? Directory.GetCurrentDirectory();
        var relative = Path.GetRelativePath(root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    private static string? GitRoot(string file)
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null; dir = Path.GetDirectoryName(dir))
            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"))) return dir;
        return null;
    }
}
