using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Bookish.Notation;

/// <summary>
/// Reads a document's notation: the front matter <c>notation:</c> list of entries
/// <c>{symbol, meaning, kind, shape?, macro?, search?}</c>, or a YAML file it names (relative to the document) holding
/// such a list, or a map with <c>notation:</c> and <c>macros:</c>. Bad entries become diagnostics (BK1002) and are
/// skipped or repaired; reading never throws on bad input.
/// </summary>
internal static class NotationReader
{
    private static readonly string[] Fields = ["symbol", "meaning", "kind", "shape", "macro", "search"];

    /// <summary>Reads the notation of <paramref name="document"/>. With <paramref name="source"/> (the document's text) the
    /// diagnostics point at the entry's line in the front matter; without it, at the file.</summary>
    public static NotationSet Read(Document document, DiagnosticBag diagnostics, SourceText? source = null) =>
        Read(document.Metadata, document.SourcePath, diagnostics, source, document.ProjectRoot);

    /// <summary>Reads the notation of front matter read from <paramref name="sourcePath"/> (a file path names a notation
    /// file relative to that document's folder).</summary>
    /// <param name="projectRoot">The project root a notation file must lie in (links followed); default: the document's folder.</param>
    public static NotationSet Read(Metadata metadata, string sourcePath, DiagnosticBag diagnostics, SourceText? source = null, string? projectRoot = null)
    {
        if (!metadata.Raw.TryGetValue("notation", out var value) || value is null) return NotationSet.Empty;
        var (node, lineOffset) = FrontMatterNode(source, "notation") is { } located ? located : (ToNode(value), -1);
        var path = sourcePath;
        if (node is YamlScalarNode scalar)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? ".";
            var resolved = new Security.ProjectRoot(projectRoot ?? folder).Resolve(folder, scalar.Value);
            if (resolved.Status is Security.PathStatus.Outside or Security.PathStatus.Invalid)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathOutsideProject, At(path, scalar, lineOffset), resolved.Explain("notation file")));
                return NotationSet.Empty;
            }
            return ReadFile(resolved.Status == Security.PathStatus.Inside ? resolved.RealPath : Path.Combine(folder, scalar.Value ?? ""), diagnostics, At(path, scalar, lineOffset));
        }
        return Read(node, path, lineOffset, [], diagnostics);
    }

    /// <summary>Reads a notation file: a list of entries, or a map with <c>notation:</c> (the list) and <c>macros:</c>.</summary>
    public static NotationSet ReadFile(string file, DiagnosticBag diagnostics, SourceSpan? referencedAt = null)
    {
        if (!File.Exists(file))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingNotationFile, referencedAt ?? SourceSpan.None with { Path = file }, $"notation file not found: {file}"));
            return NotationSet.Empty;
        }
        return ReadYaml(File.ReadAllText(file), file, diagnostics);
    }

    /// <summary>Reads notation YAML text (the content of a notation file) whose lines start at line 1 of <paramref name="path"/>.</summary>
    public static NotationSet ReadYaml(string yaml, string path, DiagnosticBag diagnostics)
    {
        YamlNode? root;
        if (Reading.YamlLimits.Problem(yaml) is { } tooBig)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InputTooDeep, SourceSpan.At(path, 1, 1), "notation file refused: it " + tooBig));
            return NotationSet.Empty;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, SourceSpan.At(path, 1, 1), "notation file cannot be read as YAML: " + e.Message));
            return NotationSet.Empty;
        }
        catch (YamlException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, SourceSpan.At(path, (int)e.Start.Line, (int)e.Start.Column), "notation file is not valid YAML: " + e.Message));
            return NotationSet.Empty;
        }
        if (root is null) return NotationSet.Empty;
        var macros = ImmutableArray<MacroDefinition>.Empty;
        if (root is YamlMappingNode map)
        {
            if (Child(map, "macros") is { } m) macros = ReadMacros(m);
            root = Child(map, "notation");
            if (root is null) return new NotationSet([], macros);
        }
        return Read(root, path, 0, macros, diagnostics);
    }

    private static NotationSet Read(YamlNode node, string path, int lineOffset, ImmutableArray<MacroDefinition> macros, DiagnosticBag diagnostics)
    {
        if (node is not YamlSequenceNode list)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, At(path, node, lineOffset), "'notation' must be a list of entries {symbol, meaning, kind} or the path of a YAML file"));
            return new NotationSet([], macros);
        }
        var entries = ImmutableArray.CreateBuilder<NotationEntry>();
        foreach (var item in list)
            if (ReadEntry(item, path, lineOffset, diagnostics) is { } e) entries.Add(e);
        var all = macros.ToBuilder();
        foreach (var e in entries)
            if (e.Macro is { } name && !all.Any(m => m.Name == name)) all.Add(new MacroDefinition(name, e.Symbol));
        return new NotationSet(entries.ToImmutable(), all.ToImmutable());
    }

    private static NotationEntry? ReadEntry(YamlNode item, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var at = At(path, item, lineOffset);
        if (item is not YamlMappingNode map)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, at, "a notation entry must be a map with symbol, meaning and kind"));
            return null;
        }
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
            if (!Fields.Contains(key.Value))
                diagnostics.Add(Diagnostic.Warning(DiagnosticIds.FrontMatter, At(path, key, lineOffset), $"unknown notation field '{key.Value}' (known: {string.Join(", ", Fields)})"));

        string? Text(string name) => Child(map, name) is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value.Trim() : null;
        var symbol = Text("symbol");
        if (symbol is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, at, "notation entry has no 'symbol'"));
            return null;
        }
        var symbolAt = Child(map, "symbol") is { } sn ? At(path, sn, lineOffset) : at;
        if (!Balanced(symbol))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, symbolAt, $"notation symbol '{symbol}' has unbalanced braces"));
            return null;
        }
        var meaning = Text("meaning");
        if (meaning is null)
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.FrontMatter, symbolAt, $"notation entry '{symbol}' has no 'meaning'"));
        var kind = Guess(symbol);
        if (Text("kind") is not { } kindText)
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.FrontMatter, symbolAt, $"notation entry '{symbol}' has no 'kind'; assuming {kind.ToString().ToLowerInvariant()}"));
        else if (!Enum.TryParse(kindText, ignoreCase: true, out kind) || int.TryParse(kindText, out _))
        {
            kind = Guess(symbol);
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, Child(map, "kind") is { } kn ? At(path, kn, lineOffset) : symbolAt,
                $"unknown notation kind '{kindText}' (scalar, vector, matrix, function, operator, set, index)"));
        }
        var macro = Text("macro")?.TrimStart('\\');
        if (macro is not null && (macro.Length == 0 || !macro.All(char.IsAsciiLetter)))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, Child(map, "macro") is { } mn ? At(path, mn, lineOffset) : symbolAt,
                $"notation macro '{Text("macro")}' must be a backslash and letters (\\vx)"));
            macro = null;
        }
        return new NotationEntry(symbol, meaning ?? "", kind, symbolAt) { Shape = Text("shape"), Macro = macro, Search = Text("search") };
    }

    /// <summary>Bold lower case is a vector, bold upper case a matrix, blackboard a set, anything else a scalar.</summary>
    internal static NotationKind Guess(string symbol)
    {
        var key = TexCanon.Tokens(symbol);
        if (key.Count >= 4 && key[1].Text == "{" && key[3].Text == "}")
        {
            if (TexCommands.BoldFamily.Contains(key[0].Text))
                return key[2].Text.Length == 1 && char.IsUpper(key[2].Text[0]) ? NotationKind.Matrix : NotationKind.Vector;
            if (key[0].Text is @"\mathbb" or @"\mathcal") return NotationKind.Set;
        }
        return NotationKind.Scalar;
    }

    private static bool Balanced(string tex)
    {
        var depth = 0;
        foreach (var t in TexTokenizer.Split(tex))
        {
            if (t.Kind == TexTokenKind.Open) depth++;
            else if (t.Kind == TexTokenKind.Close && --depth < 0) return false;
        }
        return depth == 0;
    }

    private static ImmutableArray<MacroDefinition> ReadMacros(YamlNode node)
    {
        if (node is not YamlMappingNode map) return [];
        var result = ImmutableArray.CreateBuilder<MacroDefinition>();
        foreach (var (k, v) in map.Children)
        {
            var name = ((YamlScalarNode)k).Value?.TrimStart('\\') ?? "";
            if (v is YamlSequenceNode seq && seq.Children.Count >= 1)
            {
                var body = (seq[0] as YamlScalarNode)?.Value ?? "";
                var n = seq.Children.Count > 1 && int.TryParse((seq[1] as YamlScalarNode)?.Value, out var a) ? a : 0;
                result.Add(new MacroDefinition(name, body, n));
            }
            else
            {
                var body = (v as YamlScalarNode)?.Value ?? "";
                result.Add(new MacroDefinition(name, body, Enumerable.Range(1, 9).LastOrDefault(i => body.Contains("#" + i))));
            }
        }
        return result.ToImmutable();
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

    /// <summary>Line offset -1 means positions are unknown (the node was rebuilt from the parsed front matter).</summary>
    private static SourceSpan At(string path, YamlNode node, int lineOffset) =>
        lineOffset < 0 ? SourceSpan.None with { Path = path }
            : new SourceSpan(path, lineOffset + (int)node.Start.Line, (int)node.Start.Column, lineOffset + (int)node.End.Line, Math.Max(1, (int)node.End.Column - 1));

    /// <summary>Finds the key's node in the source's front matter, with the line offset of the YAML text.</summary>
    private static (YamlNode Node, int LineOffset)? FrontMatterNode(SourceText? source, string key)
    {
        if (source is null) return null;
        var lines = source.Text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---") return null;
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (end < 0) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(string.Join("\n", lines[1..end])));
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map && Child(map, key) is { } node
                ? (node, 1) : null;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Turns the front matter's parsed value back into a YAML node (no positions).</summary>
    private static YamlNode ToNode(object value)
    {
        var yaml = new SerializerBuilder().Build().Serialize(value);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }
}
