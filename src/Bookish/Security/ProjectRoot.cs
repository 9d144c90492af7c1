namespace Bookish.Security;

/// <summary>Where a path a document names ended up.</summary>
internal enum PathStatus
{
    /// <summary>Inside the project, and the file or folder exists.</summary>
    Inside,
    /// <summary>Inside the project, but nothing is there.</summary>
    Missing,
    /// <summary>Its real path (links followed) lies outside the project root: refused, nothing read.</summary>
    Outside,
    /// <summary>Empty, a NUL byte, a link loop, or a URL where a file was expected.</summary>
    Invalid,
}

/// <summary>A resolved path: its status and, unless invalid, its real path.</summary>
internal sealed record ResolvedPath(PathStatus Status, string Written, string RealPath)
{
    public bool IsReadable => Status == PathStatus.Inside;

    /// <summary>"'../x' is outside the project (…)": the words of a diagnostic for a path that cannot be read.</summary>
    public string Explain(string what) => Status switch
    {
        PathStatus.Outside => $"{what} '{Written}' is outside the project{(RealPath.Length > 0 && !Written.EndsWith(RealPath, StringComparison.Ordinal) ? " (it leads to " + RealPath + ")" : "")}; nothing was read (pass --root to widen the project)",
        PathStatus.Missing => $"{what} '{Written}' not found",
        PathStatus.Invalid => $"{what} '{Written}' is not a usable file path",
        _ => $"{what} '{Written}'",
    };
}

/// <summary>
/// The project root of a build: the input's folder, or the folder given with <c>--root</c>, as a real path. Every file a
/// document names (chapters, includes, style sheets, templates, bibliography, notation, images) is resolved through
/// <see cref="Resolve"/>; only <see cref="PathStatus.Inside"/> paths may be read.
/// </summary>
internal sealed class ProjectRoot
{
    public ProjectRoot(string folder)
    {
        Path = ProjectPaths.RealPath(System.IO.Path.GetFullPath(folder)) ?? System.IO.Path.GetFullPath(folder);
    }

    /// <summary>The real path of the root folder.</summary>
    public string Path { get; }

    /// <summary>The root for an input path: its folder (the input itself when it is a folder), links followed.</summary>
    public static ProjectRoot ForInput(string input, string? explicitRoot = null)
    {
        if (explicitRoot is not null) return new ProjectRoot(explicitRoot);
        var full = System.IO.Path.GetFullPath(input);
        return new ProjectRoot(Directory.Exists(full) ? full : System.IO.Path.GetDirectoryName(full) ?? full);
    }

    /// <summary>Resolves <paramref name="written"/> (relative to <paramref name="baseDirectory"/>, or absolute) to its real path and places it.</summary>
    public ResolvedPath Resolve(string baseDirectory, string? written)
    {
        written ??= "";
        if (written.Trim().Length == 0 || written.Contains('\0') || written.Contains("://", StringComparison.Ordinal)
            || written.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return new ResolvedPath(PathStatus.Invalid, written, "");
        var real = ProjectPaths.RealPath(System.IO.Path.Join(System.IO.Path.GetFullPath(baseDirectory), written) is var joined && System.IO.Path.IsPathRooted(written) ? written : joined);
        if (real is null) return new ResolvedPath(PathStatus.Invalid, written, "");
        if (!ProjectPaths.IsInside(Path, real)) return new ResolvedPath(PathStatus.Outside, written, real);
        return new ResolvedPath(File.Exists(real) || Directory.Exists(real) ? PathStatus.Inside : PathStatus.Missing, written, real);
    }

    /// <summary>Resolves an absolute path (e.g. the input file itself).</summary>
    public ResolvedPath Resolve(string fullPath) => Resolve(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(fullPath)) ?? "/", System.IO.Path.GetFullPath(fullPath));

    public bool Contains(string realPath) => ProjectPaths.IsInside(Path, realPath);

    public override string ToString() => Path;
}
