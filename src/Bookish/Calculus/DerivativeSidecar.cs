using YamlDotNet.RepresentationModel;

namespace Bookish.Calculus;

/// <summary>
/// A declarations sidecar for <c>bookish check --derivatives auto --declarations FILE</c>: the symbols of a document whose
/// source we do not edit, with their shapes, and the definitions that make implicit dependence explicit.
/// <code>
/// declare: x, y, z \in \mathbb{R}, \mathbf{x}, \mathbf{w} \in \mathbb{R}^{n}, n = 3
/// define: g(x, y) = 2x + y^8
/// scopes:               # by source line of the equation; a scope's define: wins over the declarations
///   - lines: 480-540
///     define: u = x^2; y = \sin(u)
///   - lines: 688         # only the equation's 2nd and 3rd derivative chains
///     chains: 2-3
///     declare: u_1 \in \mathbb{R}
///     stand-ins: { bigcirc: \times }   # notation for "any element-wise operator", checked with one
/// </code>
/// Inside a scope, a derivative whose operand does not mention its variable is taken at its word (zero, or through the
/// definitions) instead of "implicit dependence": the scope says what depends on what. Generic functions get sample
/// definitions whose parameter names say the dependence (<c>g(x) = \sin x; f(g) = g^2 + 1</c>: f written bare is f(g(x)));
/// a word defined there (<c>activation(z) = \max(0, z)</c>) is read as one name in the scope's equations. Outside every scope the
/// declarations give shapes only and implicit dependence stays not checkable.
/// </summary>
internal sealed record DerivativeSidecar(string Declare, string Define, IReadOnlyList<AutoCheckScope> Scopes)
{
    /// <summary>
    /// <c>stand-ins:</c> (top level or per scope): macros read only for checking, for notation that stands for any member of a
    /// family, e.g. <c>bigcirc: \otimes</c> ("any element-wise operator"; checked with one). A universal claim refuted for one
    /// stand-in is false; verified for one, it is verified as far as random points verify anything.
    /// </summary>
    public IReadOnlyList<Bookish.Model.MacroDefinition> StandIns { get; init; } = [];

    /// <summary>Reads the YAML text; throws <see cref="FormatException"/> with the reason on bad input.</summary>
    public static DerivativeSidecar Parse(string yaml)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlDotNet.Core.YamlException ex) { throw new FormatException($"line {ex.Start.Line}: {ex.Message}"); }
        if (stream.Documents.Count == 0) return new DerivativeSidecar("", "", []);
        if (stream.Documents[0].RootNode is not YamlMappingNode root) throw new FormatException("expected 'declare:', 'define:' and 'scopes:'");
        var scopes = new List<AutoCheckScope>();
        if (Child(root, "scopes") is { } s)
        {
            if (s is not YamlSequenceNode list) throw new FormatException("'scopes:' must be a list");
            foreach (var item in list)
            {
                if (item is not YamlMappingNode m) throw new FormatException($"line {item.Start.Line}: a scope is 'lines: FROM-TO' with 'declare:' and/or 'define:'");
                var lines = Text(m, "lines");
                var parts = lines.Split('-', StringSplitOptions.TrimEntries);
                if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], out int from) || !int.TryParse(parts[^1], out int to) || from < 1 || to < from)
                    throw new FormatException($"line {m.Start.Line}: 'lines:' must be FROM-TO (source lines)");
                int fromChain = 0, toChain = 0;
                if (Text(m, "chains") is { Length: > 0 } chains)
                {
                    var c = chains.Split('-', StringSplitOptions.TrimEntries);
                    if (c.Length is < 1 or > 2 || !int.TryParse(c[0], out fromChain) || !int.TryParse(c[^1], out toChain) || fromChain < 1 || toChain < fromChain)
                        throw new FormatException($"line {m.Start.Line}: 'chains:' must be N or FROM-TO (the equation's derivative chains, from 1)");
                }
                scopes.Add(new AutoCheckScope(from, to, Text(m, "declare"), Text(m, "define")) { Macros = StandInsOf(m), FromChain = fromChain, ToChain = toChain });
            }
        }
        return new DerivativeSidecar(Text(root, "declare"), Text(root, "define"), scopes) { StandIns = StandInsOf(root) };
    }

    private static List<Bookish.Model.MacroDefinition> StandInsOf(YamlMappingNode map)
    {
        var list = new List<Bookish.Model.MacroDefinition>();
        switch (Child(map, "stand-ins"))
        {
            case null: break;
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    if (k is not YamlScalarNode { Value: { Length: > 0 } name } || v is not YamlScalarNode { Value: { } body } || !System.Text.RegularExpressions.Regex.IsMatch(name.TrimStart('\\'), "^[A-Za-z]+$"))
                        throw new FormatException($"line {k.Start.Line}: a stand-in is 'name: TeX', e.g. 'bigcirc: \\otimes'");
                    list.Add(new Bookish.Model.MacroDefinition(name.TrimStart('\\'), body));
                }
                break;
            case var other: throw new FormatException($"line {other.Start.Line}: 'stand-ins:' must map names to TeX");
        }
        return list;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == key).Value;

    private static string Text(YamlMappingNode map, string key) => Child(map, key) switch
    {
        null => "",
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => string.Join(key == "define" ? "; " : ", ", seq.OfType<YamlScalarNode>().Select(x => x.Value)),
        var other => throw new FormatException($"line {other.Start.Line}: '{key}:' must be text or a list of texts"),
    };
}
