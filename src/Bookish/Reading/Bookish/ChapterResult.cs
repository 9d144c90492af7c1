using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Reading;

/// <summary>What one chapter file holds before references are resolved.</summary>
internal sealed record ChapterResult(string Title, string? Label, ImmutableArray<Author> Authors, ImmutableArray<Block> Abstract, ImmutableArray<Block> Blocks)
{
    /// <summary>Markdown-era <c>\preabstract{}</c>: text shown before the abstract (the root's copyright in the XML dialect).</summary>
    public ImmutableArray<Block> PreAbstract { get; init; } = [];
}
