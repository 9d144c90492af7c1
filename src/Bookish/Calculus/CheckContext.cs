using System.Collections.Immutable;

namespace Bookish.Calculus;

/// <summary>
/// What one document's check blocks share: declarations (e.g. from the notation table) and definitions made by earlier
/// blocks, and the default layout (front matter, else "numerator"). Immutable: <see cref="DerivativeChecker.CheckBlock"/>
/// returns the context for the next block in <see cref="CheckBlockVerdict.Context"/>.
/// </summary>
internal sealed record CheckContext
{
    public static CheckContext Default { get; } = new();

    /// <summary>"numerator" or "denominator".</summary>
    public string DefaultLayout { get; init; } = "numerator";

    /// <summary><c>declare:</c> texts in order; later ones win for a name declared twice.</summary>
    public ImmutableList<string> Declarations { get; init; } = [];

    /// <summary><c>define:</c> texts in order.</summary>
    public ImmutableList<string> Definitions { get; init; } = [];

    /// <summary>The document's macros (front matter and notation file), expanded in every claim before it is read.</summary>
    internal ImmutableList<Model.MacroDefinition> Macros { get; init; } = [];

    /// <summary>Seed of the random sample points (the browser checker uses the same generator).</summary>
    public uint Seed { get; init; } = CheckOptions.Default.Seed;

    public CheckContext WithDeclarations(string declare) =>
        string.IsNullOrWhiteSpace(declare) ? this : this with { Declarations = Declarations.Add(declare.Trim()) };

    public CheckContext WithDefinitions(string define) =>
        string.IsNullOrWhiteSpace(define) ? this : this with { Definitions = Definitions.Add(define.Trim()) };

    internal string Combine(ImmutableList<string> parts, string own, string separator) =>
        string.Join(separator, parts.Append(own).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()));
}
