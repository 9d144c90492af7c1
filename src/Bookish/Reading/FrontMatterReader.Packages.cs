using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;
using YamlDotNet.RepresentationModel;

namespace Bookish.Reading;

/// <summary>
/// <c>packages:</c> (LaTeX packages the author adds to the one preamble) and where each front matter entry is written,
/// so a package or a macro that TeX rejects is reported at its own line.
/// </summary>
internal static partial class FrontMatterReader
{
    /// <summary>A package name as CTAN spells them.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9\-_.]{0,63}$")] internal static partial Regex PackageName();

    /// <summary>Options stay within a conservative set: no braces, backslashes, brackets or percent signs reach TeX.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9 ,=.\-_+:/]{0,200}$")] internal static partial Regex PackageOptions();

    internal static ImmutableArray<LatexPackage> ReadPackages(object? value, string yaml, SourceSpan span, DiagnosticBag diagnostics)
    {
        var items = value switch
        {
            null => [],
            string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Cast<object?>().ToList(),
            List<object?> l => l,
            _ => [value],
        };
        var lines = EntryLines(yaml, "packages");
        var result = ImmutableArray.CreateBuilder<LatexPackage>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = i < lines.Count ? Offset(span, lines[i]) : Offset(span, KeyLine(yaml, "packages") ?? (1, 1));
            var (name, options) = items[i] switch
            {
                string s => (s.Trim(), (string?)null),
                Dictionary<object, object?> d => (d.GetValueOrDefault("name")?.ToString()?.Trim() ?? "", d.GetValueOrDefault("options") switch
                {
                    null => null,
                    List<object?> o => string.Join(",", o.Select(x => x?.ToString())),
                    var o => o.ToString(),
                }),
                _ => ("", null),
            };
            if (!PackageName().IsMatch(name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownPackage, at, $"'{name}' is not a LaTeX package name (write a name such as siunitx, or {{name: physics, options: ...}})"));
                continue;
            }
            if (options is not null && !PackageOptions().IsMatch(options))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownPackage, at, $"the options of package '{name}' may hold only letters, digits, spaces and , = . - _ + : /"));
                continue;
            }
            result.Add(new LatexPackage(name, options) { Span = at });
        }
        return result.ToImmutable();
    }

    /// <summary>Each macro with the line of its key under <c>macros:</c>.</summary>
    private static ImmutableArray<MacroDefinition> WithSpans(ImmutableArray<MacroDefinition> macros, string yaml, SourceSpan span)
    {
        if (macros.IsEmpty) return macros;
        var keys = MappingKeys(yaml, "macros");
        return macros.Select(m => keys.TryGetValue(m.Name, out var p) ? m with { Span = Offset(span, p) } : m).ToImmutableArray();
    }

    private static SourceSpan Offset(SourceSpan span, (int Line, int Column) p) =>
        span.IsNone ? span : SourceSpan.At(span.Path, span.Line + p.Line, p.Column);

    private static YamlMappingNode? Root(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlDotNet.Core.YamlException) { return null; }
    }

    private static (int, int)? KeyLine(string yaml, string key) =>
        Root(yaml)?.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key) is { } node ? ((int)node.Start.Line, (int)node.Start.Column) : null;

    private static List<(int Line, int Column)> EntryLines(string yaml, string key)
    {
        if (Root(yaml) is not { } root) return [];
        var value = root.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var v } && v == key).Value;
        return value is YamlSequenceNode seq ? seq.Children.Select(c => ((int)c.Start.Line, (int)c.Start.Column)).ToList() : [];
    }

    private static Dictionary<string, (int Line, int Column)> MappingKeys(string yaml, string key)
    {
        var result = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        if (Root(yaml) is not { } root) return result;
        var value = root.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var v } && v == key).Value;
        if (value is YamlMappingNode map)
            foreach (var k in map.Children.Keys)
                if (k is YamlScalarNode { Value: { } name }) result.TryAdd(name.TrimStart('\\'), ((int)k.Start.Line, (int)k.Start.Column));
        return result;
    }
}
