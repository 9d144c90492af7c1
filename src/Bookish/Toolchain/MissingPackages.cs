namespace Bookish.Toolchain;

/// <summary>
/// Which Debian packages of <c>packages.tsv</c> are still missing here, and the one <c>apt-get</c> line that installs
/// them: what the installed tool prints (exit 3) when a program is missing. Bookish never runs apt itself.
/// </summary>
public static class MissingPackages
{
    /// <summary>The missing packages for <paramref name="when"/> (build, or test which needs more), sorted, each once.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string when = "build", CancellationToken ct = default)
    {
        var rows = DebianPackages.All.Where(r => r.When == "build" || r.When == when).ToList();
        var styles = rows.Where(r => r.Kind == "sty").Select(r => Path.GetFileNameWithoutExtension(r.Name)).ToList();
        IReadOnlySet<string> installed = new HashSet<string>();
        if (styles.Count > 0 && ProcessRunner.Exists("kpsewhich"))
        {
            try { installed = await TexPackages.InstalledAsync(styles, ct); }
            catch (ToolMissingException) { }
        }
        bool Present(DebianPackages.Requirement r) => r.Kind switch
        {
            "tool" => ProcessRunner.Exists(r.Name),
            "file" => File.Exists(r.Name),
            "sty" => installed.Contains(Path.GetFileNameWithoutExtension(r.Name)),
            _ => true,
        };
        return rows.Where(r => !Present(r))
            .SelectMany(r => r.Packages.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The exact line to run, as the launcher prints it (with sudo unless already root).</summary>
    public static string AptGetLine(IEnumerable<string> packages, bool root) =>
        (root ? "" : "sudo ") + "apt-get install -y --no-install-recommends " + string.Join(' ', packages);
}
