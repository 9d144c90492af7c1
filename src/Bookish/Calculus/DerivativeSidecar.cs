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
/// </code>
/// Inside a scope, a derivative whose operand does not mention its variable is taken at its word (zero, or through the
/// definitions) instead of "implicit dependence": the scope says what depends on what. Outside every scope the
/// declarations give shapes only and implicit dependence stays not checkable.
/// </summary>
internal sealed record DerivativeSidecar(string Declare, string Define, IReadOnlyList<AutoCheckScope> Scopes)
{
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
                scopes.Add(new AutoCheckScope(from, to, Text(m, "declare"), Text(m, "define")));
            }
        }
        return new DerivativeSidecar(Text(root, "declare"), Text(root, "define"), scopes);
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
