using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>Reads tests/conformance/derivatives.tsv: expected verdict, layout, declare, define ('-' = none), claim.</summary>
internal static class ConformanceCorpus
{
    public sealed record Case(int Line, string Expected, string Layout, string Declare, string Define, string Claim)
    {
        public override string ToString() => $"line {Line}: {Expected}: {Claim}";
    }

    public static string PathToFile()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "tests", "conformance", "derivatives.tsv"))) dir = dir.Parent;
        return dir == null
            ? throw new FileNotFoundException("tests/conformance/derivatives.tsv not found above " + AppContext.BaseDirectory)
            : System.IO.Path.Combine(dir.FullName, "tests", "conformance", "derivatives.tsv");
    }

    public static IReadOnlyList<Case> Load()
    {
        var lines = File.ReadAllLines(PathToFile());
        var cases = new List<Case>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#')) continue;
            var f = lines[i].Split('\t');
            if (f.Length != 5) throw new FormatException($"derivatives.tsv line {i + 1}: expected 5 tab-separated columns");
            cases.Add(new Case(i + 1, f[0], f[1], f[2], f[3] == "-" ? "" : f[3], f[4]));
        }
        return cases;
    }

    public static TheoryData<int> Lines()
    {
        var data = new TheoryData<int>();
        foreach (var c in Load()) data.Add(c.Line);
        return data;
    }

    public static Case At(int line) => Load().Single(c => c.Line == line);
}
