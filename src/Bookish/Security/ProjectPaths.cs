namespace Bookish.Security;

/// <summary>
/// Real paths (every symbolic link followed, <c>..</c> taken after the link it follows, as the kernel does) and the
/// one containment test every path a document names goes through.
/// </summary>
internal static class ProjectPaths
{
    /// <summary>More links than this in one path is a loop (Linux gives up at 40 too).</summary>
    private const int MaxLinks = 40;

    /// <summary>
    /// The real path of <paramref name="path"/>: each component that is a symbolic link is replaced by its target,
    /// and <c>..</c> goes up from the real folder reached so far. Components that do not exist are kept as written.
    /// Null for a link loop or a path the system cannot name.
    /// </summary>
    public static string? RealPath(string path)
    {
        if (path.Length == 0 || path.Contains('\0')) return null;
        var links = MaxLinks;
        try
        {
            return Walk(Path.IsPathRooted(path) ? path : Path.Join(Directory.GetCurrentDirectory(), path), ref links);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? Walk(string path, ref int links)
    {
        var sep = Path.DirectorySeparatorChar;
        var current = Path.GetPathRoot(path) ?? sep.ToString();
        foreach (var part in path[current.Length..].Split(sep, Path.AltDirectorySeparatorChar))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (--links < 0) return null;
            var resolved = Walk(Path.IsPathRooted(target) ? target : Path.Join(current, target), ref links);
            if (resolved is null) return null;
            current = resolved;
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both real, absolute).</summary>
    public static bool IsInside(string folder, string path)
    {
        var root = folder.Length > 1 ? folder.TrimEnd(Path.DirectorySeparatorChar) : folder;
        return path == root || path.StartsWith(root == "/" ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
