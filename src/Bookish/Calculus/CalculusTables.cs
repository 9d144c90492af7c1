using System.Collections.Frozen;
using System.Text.Json;

namespace Bookish.Calculus;

/// <summary>
/// The tables the C# checker and <c>templates/derivcheck.js</c> share (ignored commands, Greek letters, bold and accent
/// commands, function names, matrix functions, environments), read from <c>templates/derivcheck-tables.json</c>, which is
/// embedded in this assembly and generated into the JavaScript: one data file for both checkers.
/// </summary>
internal static class CalculusTables
{
    private static readonly JsonElement Root = Load();

    public static readonly FrozenSet<string> Ignored = Set("ignored");
    public static readonly FrozenSet<string> NotPrimary = Set("notPrimary");
    public static readonly FrozenSet<string> Greek = Set("greek");
    public static readonly FrozenSet<string> Bold = Set("bold");
    public static readonly FrozenSet<string> Accents = Set("accents");
    public static readonly FrozenDictionary<string, string> BuiltinCommands = Map("builtinCommands");
    public static readonly FrozenDictionary<string, string> OperatorNames = Map("operatorNames");
    public static readonly FrozenSet<string> MatrixFunctions = Set("matrixFunctions");
    public static readonly FrozenSet<string> Environments = Set("environments");

    private static JsonElement Load()
    {
        using var stream = typeof(CalculusTables).Assembly.GetManifestResourceStream("Bookish.Calculus.derivcheck-tables.json")
            ?? throw new InvalidOperationException("the embedded derivcheck-tables.json is missing from the build");
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.Clone();
    }

    private static FrozenSet<string> Set(string key) =>
        Root.GetProperty(key).EnumerateArray().Select(e => e.GetString()!).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, string> Map(string key) =>
        Root.GetProperty(key).EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
}
