using System.Reflection;

namespace Bookish.Toolchain;

/// <summary>
/// Which Debian packages provide each program Bookish runs: <c>Toolchain/packages.tsv</c>, embedded in the library,
/// the same file the <c>bookish</c> launcher reads to install what is missing. One list, two readers.
/// </summary>
internal static class DebianPackages
{
    /// <summary>One row of packages.tsv.</summary>
    public sealed record Requirement(string Kind, string Name, string When, string Packages);

    private static readonly Lazy<IReadOnlyList<Requirement>> Rows = new(() => Parse(Text()));

    /// <summary>Every row, in file order.</summary>
    public static IReadOnlyList<Requirement> All => Rows.Value;

    /// <summary>The packages that provide program <paramref name="tool"/> (the program's own name when the list does not know it).</summary>
    public static string For(string tool) =>
        All.FirstOrDefault(r => r.Kind == "tool" && r.Name == tool)?.Packages ?? tool;

    /// <summary>The embedded file's text.</summary>
    public static string Text()
    {
        using var stream = typeof(DebianPackages).Assembly.GetManifestResourceStream("Bookish.Toolchain.packages.tsv")
            ?? throw new InvalidOperationException("packages.tsv is not embedded in " + typeof(DebianPackages).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static IReadOnlyList<Requirement> Parse(string text) =>
        text.Replace("\r", "").Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => c.Length == 4 ? new Requirement(c[0], c[1], c[2], c[3])
                : throw new InvalidDataException($"packages.tsv: a row needs 4 tab-separated columns: '{string.Join("\\t", c)}'"))
            .ToList();
}
