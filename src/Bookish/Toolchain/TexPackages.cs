namespace Bookish.Toolchain;

/// <summary>Which LaTeX packages this TeX installation has (<c>kpsewhich name.sty</c>, one process for all names).</summary>
internal static class TexPackages
{
    /// <summary>The names among <paramref name="names"/> whose <c>.sty</c> file TeX finds.</summary>
    public static async Task<IReadOnlySet<string>> InstalledAsync(IReadOnlyCollection<string> names, CancellationToken ct, IToolchain? toolchain = null)
    {
        if (names.Count == 0) return new HashSet<string>();
        // The names are checked package names (letters, digits, '-'): kpsewhich runs outside the sandbox, as before.
        var r = await (toolchain ?? CliToolchain.Shared).RunAsync(
            new ToolInvocation("kpsewhich", names.Select(n => n + ".sty").ToList(), Path.GetTempPath(), TimeSpan.FromSeconds(20)) { Sandboxed = false }, ct);
        var found = r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);
        return names.Where(found.Contains).ToHashSet(StringComparer.Ordinal);
    }
}
