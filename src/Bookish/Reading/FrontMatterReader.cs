using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Bookish.Reading;

/// <summary>Reads YAML front matter into <see cref="Metadata"/>; bad YAML is a diagnostic, never an exception.</summary>
internal static partial class FrontMatterReader
{
    /// <summary>
    /// A title with math (<c>title: 'Gradients of $f(x) = x^2$'</c>, as Pandoc and Quarto authors write it) as inlines,
    /// so the page typesets it as the PDF does; empty for a title without math (it stays plain text). Its math is placed
    /// at the <c>title:</c> line, where a TeX error in it is reported.
    /// </summary>
    private static ImmutableArray<Inline> TitleWithMath(string? title, Func<string, ImmutableArray<Block>> readBlocks, SourceSpan at)
    {
        if (title is null || !(title.Contains('$') || title.Contains("\\(", StringComparison.Ordinal))) return [];
        if (readBlocks(title) is not [Paragraph p] || !Presentation.HasMath(p.Content)) return [];
        return p.Content.Select(i => i is MathInline m ? m with { Span = at } : i).ToImmutableArray();
    }

    public static Metadata Read(string yaml, SourceSpan span, Func<string, ImmutableArray<Block>> readBlocks, DiagnosticBag diagnostics)
    {
        Dictionary<string, object?> map;
        if (YamlLimits.Problem(yaml) is { } tooBig)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InputTooDeep, span, "front matter refused: it " + tooBig));
            return new Metadata();
        }
        try
        {
            var raw = new DeserializerBuilder().Build().Deserialize<object?>(yaml);
            map = raw is Dictionary<object, object?> d
                ? d.ToDictionary(kv => kv.Key.ToString() ?? "", kv => kv.Value)
                : new Dictionary<string, object?>();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, span, "front matter cannot be read as YAML: " + e.Message));
            return new Metadata();
        }
        catch (YamlException e)
        {
            var at = new SourceSpan(span.Path, span.Line + (int)e.Start.Line, (int)e.Start.Column, span.Line + (int)e.Start.Line, (int)e.Start.Column);
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FrontMatter, at, "front matter is not valid YAML: " + e.Message));
            return new Metadata();
        }

        string? S(string key) => map.TryGetValue(key, out var v) && v is not null and not Dictionary<object, object?> and not List<object?> ? v.ToString() : null;
        bool B(string key, bool dflt) => S(key) is { } s ? s is "true" or "yes" or "on" : dflt;

        var abstractText = S("abstract");
        return new Metadata
        {
            Title = S("title") ?? "",
            TitleContent = TitleWithMath(S("title"), readBlocks, KeyLine(yaml, "title") is { } titleKey ? Offset(span, titleKey) : span),
            Subtitle = S("subtitle"),
            Authors = ReadAuthors(map.GetValueOrDefault("authors") ?? map.GetValueOrDefault("author")),
            Date = S("date"),
            Abstract = abstractText is null ? [] : readBlocks(abstractText),
            Lang = S("lang") ?? "en",
            Macros = WithSpans(ReadMacros(map.GetValueOrDefault("macros")), yaml, span),
            Packages = ReadPackages(map.GetValueOrDefault("packages"), yaml, span, diagnostics),
            NumberSections = B("numbersections", B("number-sections", true)),
            TableOfContents = B("toc", true),
            Template = S("template"),
            Css = S("css"),
            Description = S("description"),
            Image = S("image"),
            Url = S("url") ?? S("canonical"),
            TwitterHandle = S("twitter"),
            Bibliography = S("bibliography"),
            Copyright = S("copyright"),
            Raw = map.ToImmutableDictionary(),
        };
    }

    private static ImmutableArray<Author> ReadAuthors(object? value) => value switch
    {
        null => [],
        string s => s.Split(s.Contains(';') ? ';' : ',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => new Author(n)).ToImmutableArray(),
        List<object?> list => list.Select(ReadAuthor).OfType<Author>().ToImmutableArray(),
        _ => [ReadAuthor(value)!],
    };

    private static Author? ReadAuthor(object? value) => value switch
    {
        string s => new Author(s),
        Dictionary<object, object?> d => new Author(d.GetValueOrDefault("name")?.ToString() ?? "")
        {
            Url = d.GetValueOrDefault("url")?.ToString(),
            Affiliation = d.GetValueOrDefault("affiliation")?.ToString(),
        },
        _ => null,
    };

    /// <summary>
    /// <c>macros:</c> maps a name (with or without backslash) to a body, or to <c>[body, arguments]</c>.
    /// </summary>
    internal static ImmutableArray<MacroDefinition> ReadMacros(object? value)
    {
        if (value is not Dictionary<object, object?> d) return [];
        var result = ImmutableArray.CreateBuilder<MacroDefinition>();
        foreach (var (k, v) in d)
        {
            var name = k.ToString()!.TrimStart('\\');
            switch (v)
            {
                case List<object?> l when l.Count >= 1:
                    result.Add(new MacroDefinition(name, l[0]?.ToString() ?? "", l.Count > 1 && int.TryParse(l[1]?.ToString(), out var n) ? n : 0));
                    break;
                default:
                    var body = v?.ToString() ?? "";
                    var args = Enumerable.Range(1, 9).LastOrDefault(i => body.Contains("#" + i));
                    result.Add(new MacroDefinition(name, body, args));
                    break;
            }
        }
        return result.ToImmutable();
    }
}
