namespace Bookish.Toolchain;

/// <summary>Which LaTeX packages this TeX installation has (<c>kpsewhich name.sty</c>, one process for all names).</summary>
public static class TexPackages
{
    /// <summary>The names among <paramref name="names"/> whose <c>.sty</c> file TeX finds.</summary>
    public static async Task<IReadOnlySet<string>> InstalledAsync(IReadOnlyCollection<string> names, CancellationToken ct)
    {
        if (names.Count == 0) return new HashSet<string>();
        var r = await ProcessRunner.RunAsync("kpsewhich", names.Select(n => n + ".sty"), Path.GetTempPath(), TimeSpan.FromSeconds(20), null, ct);
        var found = r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);
        return names.Where(found.Contains).ToHashSet(StringComparer.Ordinal);
    }
}
