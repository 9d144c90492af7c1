using System.Collections.Immutable;
using System.Text.Json;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Reading;

/// <summary>
/// Reads the legacy bookish dialect (the original Java tool's XML-ish + Markdown input, and its 2018 Markdown-era
/// predecessor) into the document model. Bad input becomes diagnostics; this never throws for it.
/// </summary>
internal static class BookishXmlReader
{
    /// <summary>
    /// Reads a root file: <c>&lt;article&gt;</c> / <c>&lt;book&gt;</c> XML with <c>&lt;include file=…&gt;</c> chapters, a
    /// Markdown-era <c>.json</c> (<c>{"files":[…]}</c>) or a single Markdown-era <c>.md</c> file. Each chapter file is one
    /// page named after the file.
    /// </summary>
    public static Publication Read(string rootPath, DiagnosticBag diagnostics, BookishXmlOptions? options = null)
    {
        options ??= BookishXmlOptions.Default;
        var fullRoot = Path.GetFullPath(rootPath);
        var rootDir = Path.GetDirectoryName(fullRoot) ?? ".";
        if (options.Root is null) options = options with { Root = new Security.ProjectRoot(rootDir) };
        var ctx = new ReadContext(diagnostics, options);
        var name = new DirectoryInfo(rootDir).Name;
        if (!File.Exists(fullRoot))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InputNotFound, new SourceSpan(rootPath, 0, 0, 0, 0), $"input not found: {rootPath}"));
            return new Publication(new Metadata(), [], false, name);
        }
        var ext = Path.GetExtension(fullRoot).ToLowerInvariant();
        var text = File.ReadAllText(fullRoot);
        var legacyRoot = options.Dialect == BookishDialect.Markdown
            || (options.Dialect == BookishDialect.Auto && (ext == ".md" || !text.TrimStart().StartsWith('<')));

        if (ext == ".json") return ReadJsonRoot(rootPath, text, rootDir, name, ctx);
        if (legacyRoot) return Assemble(ctx, name, isBook: false, root: null, [(fullRoot, SourceSpan.None)]);

        var source = new SourceText(DisplayPath(fullRoot), text);
        var rootParser = new ChapterParser(source, ctx, -1, legacy: false);
        var root = rootParser.ParseRoot() with { Path = fullRoot };
        var chapters = root.Includes.Select(i => (Path.Combine(rootDir, i.File), i.Span)).ToList();
        return Assemble(ctx, name, root.IsBook, root, chapters);
    }

    /// <summary>
    /// True when a <c>.md</c> file is in the 2018 Markdown-era bookish dialect rather than Markdown-with-math: no YAML
    /// front matter, and the dialect's own commands (<c>\author{</c>, <c>\abstract{</c>, <c>\latex{{</c>, <c>\\[</c>).
    /// </summary>
    public static bool LooksLikeMarkdownEra(string path)
    {
        if (!File.Exists(path)) return false;
        var text = File.ReadAllText(path);
        if (text.TrimStart().StartsWith("---", StringComparison.Ordinal)) return false;
        return text.Contains(@"\latex{{", StringComparison.Ordinal) || text.Contains("\\\\[", StringComparison.Ordinal)
            || System.Text.RegularExpressions.Regex.IsMatch(text, @"^\\(author|abstract|preabstract)\{", System.Text.RegularExpressions.RegexOptions.Multiline);
    }

    private static Publication ReadJsonRoot(string rootPath, string text, string rootDir, string name, ReadContext ctx)
    {
        var files = new List<(string, SourceSpan)>();
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Array)
                files.AddRange(list.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => (Path.Combine(rootDir, f.GetString()!), SourceSpan.At(rootPath, 1, 1))));
            else
                ctx.Diagnostics.Add(Diagnostic.Error(DiagnosticIds.DialectSyntax, SourceSpan.At(rootPath, 1, 1), "a .json root holds {\"files\": [\"chapter.md\", …]}"));
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            ctx.Diagnostics.Add(Diagnostic.Error(DiagnosticIds.DialectSyntax, SourceSpan.At(rootPath, line, (int)(e.BytePositionInLine ?? 0) + 1), "the .json root is not valid JSON: " + e.Message));
        }
        return Assemble(ctx, name, files.Count > 1, null, files);
    }

    private static Publication Assemble(ReadContext ctx, string name, bool isBook, RootResult? root, List<(string Path, SourceSpan From)> files)
    {
        var chapters = new List<(string Path, ChapterResult Result)>();
        foreach (var (path, from) in files)
        {
            var resolved = ctx.Options.Root!.Resolve(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", Path.GetFullPath(path));
            if (resolved.Status is Security.PathStatus.Outside or Security.PathStatus.Invalid)
            {
                ctx.Diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathOutsideProject, from, resolved.Explain("included file")));
                continue;
            }
            if (!File.Exists(resolved.RealPath))
            {
                ctx.Diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingInclude, from, $"included file not found: {path}"));
                continue;
            }
            var text = File.ReadAllText(resolved.RealPath);
            var legacy = ctx.Options.Dialect switch
            {
                BookishDialect.Markdown => true,
                BookishDialect.Xml => false,
                _ => Path.GetExtension(path).ToLowerInvariant() switch
                {
                    ".md" or ".markdown" => true,
                    ".xml" => false,
                    _ => !text.TrimStart().StartsWith('<'),
                },
            };
            var parser = new ChapterParser(new SourceText(DisplayPath(path), text), ctx, chapters.Count, legacy);
            chapters.Add((path, parser.ParseChapter()));
        }

        var resolver = new ReferenceResolver(ctx);
        var everything = chapters.SelectMany(c => new[] { c.Result.Blocks, c.Result.Abstract, c.Result.PreAbstract });
        if (root is not null) everything = everything.Concat([root.Copyright, root.Abstract, root.Content]);
        resolver.MarkReferenced(everything.ToList());

        var first = chapters.Count > 0 ? chapters[0].Result : null;
        var meta = root?.MetadataTag;
        var copyright = resolver.Blocks(root is { Copyright.Length: > 0 } ? root.Copyright : first?.PreAbstract ?? []);
        var rootAbstract = resolver.Blocks(root?.Abstract ?? []);
        var raw = ImmutableDictionary.CreateBuilder<string, object?>();
        foreach (var attr in (root?.RootTag?.Attributes ?? []).Concat(meta?.Attributes ?? []))
            raw[attr.Name] = attr.Value;
        if (root is { DataFiles.Length: > 0 }) raw["data"] = root.DataFiles.ToList();

        var title = meta?.Value("title") ?? (root?.Title is { Length: > 0 } t ? t : null) ?? (!isBook ? first?.Title : null) ?? "";
        var publicationMeta = new Metadata
        {
            Title = title,
            Authors = root is { Authors.Length: > 0 } ? root.Authors : !isBook && first is not null ? first.Authors : [],
            Abstract = rootAbstract.Length > 0 ? rootAbstract : !isBook && first is not null ? resolver.Blocks(first.Abstract) : [],
            Macros = ctx.Options.VecIsBold ? [new MacroDefinition("vec", @"\mathbf{#1}", 1)] : [],
            NumberSections = !string.Equals(root?.RootTag?.Value("numbering"), "false", StringComparison.OrdinalIgnoreCase),
            Description = meta?.Value("description"),
            Image = meta?.Value("imageurl") ?? meta?.Value("image"),
            Url = meta?.Value("url"),
            TwitterHandle = meta?.Value("twitterhandle") ?? meta?.Value("twitter"),
            DocumentCss = root?.Css ?? [],
            Raw = raw.ToImmutable(),
        };

        // The root's <copyright> (Markdown era: \preabstract) is the note under the title: an aside opening the first page.
        ImmutableArray<Block> about = copyright.Length > 0 ? [new Aside("about", [], copyright, copyright[0].Span)] : [];
        var pages = ImmutableArray.CreateBuilder<Document>();
        if (isBook && chapters.All(c => PageName(c.Path) != "index"))
        {
            // A book's index page holds the table of contents (and whatever the root holds besides its includes).
            var rootPath = root is { Path.Length: > 0 } ? root.Path : files.Count > 0 ? files[0].Path : name;
            pages.Add(new Document(publicationMeta, about.AddRange(resolver.Blocks(root?.Content ?? [])), Path.GetFullPath(rootPath)) { PageName = "index", ProjectRoot = ctx.Options.Root?.Path });
            about = [];
        }
        for (var i = 0; i < chapters.Count; i++)
        {
            var (path, chapter) = chapters[i];
            var pageMeta = !isBook && i == 0
                ? publicationMeta
                : publicationMeta with
                {
                    Title = chapter.Title,
                    Authors = chapter.Authors.Length > 0 ? chapter.Authors : publicationMeta.Authors,
                    Abstract = resolver.Blocks(chapter.Abstract),
                };
            pages.Add(new Document(pageMeta, about.AddRange(resolver.Blocks(chapter.Blocks)), Path.GetFullPath(path)) { PageName = PageName(path), Label = chapter.Label, ProjectRoot = ctx.Options.Root?.Path });
            about = [];
        }
        // bookish loaded algorithm2e, with these options, for <latex> blocks; it joins the preamble only when a block uses it.
        if (pages.Any(p => ModelWalker.Blocks(p).OfType<MathBlock>().Any(m => m.Environment == MathEnvironment.RawLatex && m.Tex.Contains(@"\begin{algorithm", StringComparison.Ordinal))))
        {
            publicationMeta = publicationMeta with { Packages = [new LatexPackage("algorithm2e", "noline,boxed,procnumbered,linesnumberedhidden,titlenumbered")] };
            for (var i = 0; i < pages.Count; i++) pages[i] = pages[i] with { Metadata = pages[i].Metadata with { Packages = publicationMeta.Packages } };
        }
        return new Publication(publicationMeta, pages.ToImmutable(), isBook, name);
    }

    private static string PageName(string path) => Path.GetFileNameWithoutExtension(path);

    /// <summary>Paths in diagnostics are relative to the working folder when below it.</summary>
    private static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) && Path.IsPathRooted(path) ? full : relative;
    }
}
