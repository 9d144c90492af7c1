using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;

namespace Bookish.Reading;

/// <summary>Reads Markdown-with-math into the document model. The only code that sees Markdig types.</summary>
internal static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .UseFootnotes()
            .UseGenericAttributes()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            .UseSmartyPants()
            .UsePreciseSourceLocation();
        builder.BlockParsers.Insert(0, new TexMathBlockParser());
        builder.BlockParsers.Insert(0, new Syntax.FencedDivParser());
        builder.InlineParsers.InsertBefore<EscapeInlineParser>(new TexMathInlineParser());
        builder.InlineParsers.InsertBefore<TexMathInlineParser>(new Syntax.TexCiteInlineParser());
        builder.InlineParsers.InsertBefore<EscapeInlineParser>(new Syntax.CitationKeyInlineParser());
        builder.InlineParsers.InsertBefore<EscapeInlineParser>(new Syntax.InlineNoteParser());
        // Runs after the generic attributes extension (extensions are set up in order), so it can narrow what it takes.
        builder.Extensions.Add(new HeadingAttributesAtLineEnd());
        return builder.Build();
    }

    public static Document Read(SourceText source, DiagnosticBag diagnostics)
    {
        if (Parse(source, diagnostics) is not { } ast) return new Document(new Metadata(), [], source.Path);
        var converter = new MarkdigConverter(source, diagnostics);
        var metadata = new Metadata();
        var front = ast.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (front is not null)
        {
            var yaml = string.Join("\n", front.Lines.Lines.Take(front.Lines.Count).Select(l => l.Slice.ToString()));
            var span = converter.Span(front.Span.Start, front.Span.End);
            metadata = FrontMatterReader.Read(yaml, span, text => ReadFragment(text, source.Path, diagnostics), diagnostics);
        }
        var blocks = converter.Blocks(ast.Where(b => b is not YamlFrontMatterBlock));
        var name = Path.GetFileNameWithoutExtension(source.Path);
        var label = metadata.Raw.GetValueOrDefault("label")?.ToString();
        return new Document(metadata, blocks, source.Path) { PageName = name == "index" || name == "README" ? "index" : name, Label = label };
    }

    /// <summary>Reads a Markdown fragment (an abstract, a caption) into blocks.</summary>
    internal static ImmutableArray<Model.Block> ReadFragment(string text, string path, DiagnosticBag diagnostics)
    {
        var source = new SourceText(path, text);
        if (Parse(source, diagnostics) is not { } ast) return [];
        return new MarkdigConverter(source, diagnostics).Blocks(ast);
    }

    /// <summary>
    /// Reads <paramref name="text"/>, a piece of <paramref name="source"/> starting at <paramref name="offset"/> (an inline
    /// note's content), with spans in the whole file.
    /// </summary>
    internal static ImmutableArray<Model.Block> ReadPart(string text, SourceText source, int offset, DiagnosticBag diagnostics)
    {
        if (Parse(new SourceText(source.Path, text), diagnostics) is not { } ast) return [];
        return new MarkdigConverter(source, diagnostics) { Offset = offset }.Blocks(ast);
    }

    /// <summary>
    /// Markdig refuses input nested deeper than it can parse (e.g. 200 block quotes) with an exception: that is a
    /// diagnostic for the file, which is then read as empty.
    /// </summary>
    private static MarkdownDocument? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        try
        {
            return Markdown.Parse(source.Text, Pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InputTooDeep, Text.SourceSpan.At(source.Path, 1, 1),
                "Markdown nested too deeply to read (block quotes, lists or brackets inside each other); the file was skipped"));
            return null;
        }
    }

    public static Document ReadFile(string path, DiagnosticBag diagnostics) => Read(SourceText.FromFile(path), diagnostics);
}
