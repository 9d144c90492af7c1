using System.Collections.Immutable;
using Bookish.Model;
using Bookish.Text;

namespace Bookish.Reading;

/// <summary>The root file: <c>&lt;article&gt;</c> or <c>&lt;book&gt;</c>, its includes and publication-wide items.</summary>
internal sealed record RootResult(bool IsBook, Tag? RootTag, ImmutableArray<(string File, SourceSpan Span)> Includes)
{
    public ImmutableArray<string> Css { get; init; } = [];
    public ImmutableArray<Block> Copyright { get; init; } = [];
    public ImmutableArray<Block> Abstract { get; init; } = [];
    public Tag? MetadataTag { get; init; }
    public ImmutableArray<Author> Authors { get; init; } = [];
    public string Title { get; init; } = "";
    public ImmutableArray<Block> Content { get; init; } = [];
    public ImmutableArray<string> DataFiles { get; init; } = [];
    public string Path { get; init; } = "";
}

internal sealed partial class ChapterParser
{
    private static readonly HashSet<string> RootTags = ["include", "css", "copyright", "abstract", "metadata", "data", "notebook-support", "article", "book"];

    public RootResult ParseRoot()
    {
        var end = _t.Length;
        var pos = SkipWhitespace(0, end);
        Tag? root = null;
        var isBook = false;
        if (pos < end && TagReader.TryRead(_t, pos, end) is { } first && (first.Is("article") || first.Is("book")))
        {
            root = first;
            isBook = first.Name == "book";
            pos = Consume(first);
        }
        else Error(pos, pos + 1, "a root file starts with <article> or <book>");

        var includes = ImmutableArray.CreateBuilder<(string, SourceSpan)>();
        var css = ImmutableArray.CreateBuilder<string>();
        var data = ImmutableArray.CreateBuilder<string>();
        var content = ImmutableArray.CreateBuilder<Block>();
        ImmutableArray<Block> copyright = [], abstractBlocks = [];
        Tag? metadata = null;
        while (true)
        {
            pos = SkipWhitespace(pos, end);
            if (pos >= end) break;
            var tag = TagReader.TryRead(_t, pos, end);
            if (tag is null || !RootTags.Contains(tag.Name))
            {
                var before = pos;
                content.AddRange(Blocks(ref pos, end, t => RootTags.Contains(t.Name)));
                if (pos == before) pos++;
                continue;
            }
            if (tag.IsClose)
            {
                pos = Consume(tag);
                if (root is null || tag.Name != root.Name) Error(tag.Start, tag.End, $"unexpected </{tag.Name}>");
                continue;
            }
            switch (tag.Name)
            {
                case "include":
                    pos = Consume(tag);
                    if (tag.Value("file") is { Length: > 0 } file) includes.Add((file, Span(tag.Start, tag.End)));
                    else Error(tag.Start, tag.End, "<include> needs a file attribute");
                    break;
                case "css":
                    pos = Consume(tag);
                    if (tag.Value("file") is { Length: > 0 } cssFile) css.Add(cssFile);
                    else Error(tag.Start, tag.End, "<css> needs a file attribute");
                    break;
                case "copyright":
                    copyright = ElementBlocks(tag, ref pos, end);
                    break;
                case "abstract":
                    abstractBlocks = ElementBlocks(tag, ref pos, end);
                    break;
                case "metadata":
                    pos = Consume(tag);
                    metadata = tag;
                    break;
                case "data":
                {
                    var (s, e, next) = RawBody(tag, end);
                    var dir = tag.Value("dir") ?? "";
                    for (var k = s; k < e; k++)
                    {
                        if (_t[k] != '<' || TagReader.TryRead(_t, k, e) is not { } copy) continue;
                        if (copy.Is("copy") && copy.Value("file") is { } f) data.Add(dir.Length == 0 ? f : dir.TrimEnd('/') + "/" + f);
                        k = copy.End - 1;
                    }
                    pos = next;
                    break;
                }
                default:
                    pos = Consume(tag);
                    break;
            }
        }
        if (includes.Count == 0) Error(0, 1, "the root file includes no chapter (<include file=…>)");
        return new RootResult(isBook, root, includes.ToImmutable())
        {
            Css = css.ToImmutable(),
            Copyright = copyright,
            Abstract = abstractBlocks,
            MetadataTag = metadata,
            Authors = root?.Attr("author") is { } a ? Authors(a) : [],
            Title = root?.Attr("title") is { } t ? PlainText(AttrInlines(t)) : "",
            Content = content.ToImmutable(),
            DataFiles = data.ToImmutable(),
        };
    }
}
