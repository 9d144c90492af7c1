using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Bookish.Reading;

/// <summary>
/// Markdig takes a heading's attributes (<c>{#id .class}</c>) from its last '{' even when the line goes on after the
/// '}': "## Bias $\beta$ and $\mathbf{b}$" lost "{b}$" and its closing dollar. Attributes are only what ends the line.
/// </summary>
internal sealed class HeadingAttributesAtLineEnd : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is not { TryParseAttributes: { } attributes } heading) return;
        heading.TryParseAttributes = (BlockProcessor processor, ref StringSlice slice, IBlock block) =>
            slice.ToString().TrimEnd().EndsWith('}') && attributes(processor, ref slice, block);
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }
}
