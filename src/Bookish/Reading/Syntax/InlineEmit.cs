using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bookish.Reading.Syntax;

internal static class InlineEmit
{
    /// <summary>Places <paramref name="node"/> with its source position (start to last, inclusive) and consumes it.</summary>
    public static void Place(InlineProcessor processor, ref StringSlice slice, Inline node, int start, int last)
    {
        var absStart = processor.GetSourcePosition(start, out var line, out var column);
        node.Line = line;
        node.Column = column;
        node.Span = new SourceSpan(absStart, processor.GetSourcePosition(last));
        processor.Inline = node;
        slice.Start = last + 1;
    }
}
