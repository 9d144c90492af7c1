using Markdig.Parsers;
using Markdig.Syntax;
using Block = Markdig.Syntax.Block;

namespace Bookish.Reading.Syntax;

/// <summary>
/// Reads fenced divs as Pandoc does: an opening fence of three or more colons followed by attributes in braces or a
/// single word (then optional title words), a closing fence of three or more colons alone on its line. Unlike
/// Markdig's custom containers, a closing fence closes the innermost open div, so divs nest with fences of one length.
/// </summary>
internal sealed class FencedDivParser : BlockParser
{
    public FencedDivParser() => OpeningCharacters = [':'];

    private static int Colons(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ':') n++;
        return n;
    }

    private static bool IsCloser(string line) => Colons(line) >= 3 && line.TrimEnd().Length == Colons(line);

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line.ToString();
        var colons = Colons(line);
        if (colons < 3) return BlockState.None;
        var info = line[colons..].Trim().TrimEnd(':').Trim();
        if (info.Length == 0) return BlockState.None;
        DivAttributes attributes;
        var arguments = "";
        if (info.StartsWith('{'))
        {
            var close = info.LastIndexOf('}');
            if (close < 0 || DivAttributes.Parse(info[1..close]) is not { } parsed) return BlockState.None;
            attributes = parsed;
            arguments = info[(close + 1)..].Trim();
        }
        else
        {
            var space = info.IndexOfAny([' ', '\t']);
            var word = space < 0 ? info : info[..space];
            arguments = space < 0 ? "" : info[(space + 1)..].Trim();
            attributes = DivAttributes.Empty with { Classes = [word] };
        }
        var div = new FencedDivSyntax(this)
        {
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Line.Start, processor.Line.End),
            Attributes = attributes,
            Arguments = arguments,
            FenceLength = colons,
            Braced = info.StartsWith('{'),
        };
        processor.NewBlocks.Push(div);
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var div = (FencedDivSyntax)block;
        if (processor.IsCodeIndent || !IsCloser(processor.Line.ToString())) return BlockState.Continue;
        // The closing fence belongs to the innermost open div (or is a line of an open code fence): let it pass down.
        if (HasOpenDivInside(div)) return BlockState.Continue;
        div.Closed = true;
        div.UpdateSpanEnd(processor.Line.End);
        return BlockState.BreakDiscard;
    }

    /// <summary>Markdig closes a div (its fence, or its parent ending): from then on it takes no more lines.</summary>
    public override bool Close(BlockProcessor processor, Block block)
    {
        ((FencedDivSyntax)block).Ended = true;
        return true;
    }

    private static bool HasOpenDivInside(ContainerBlock container)
    {
        for (var last = container.LastChild; last is not null; last = (last as ContainerBlock)?.LastChild)
        {
            // An open div, or an open code fence or display math whose lines are not Markdown.
            switch (last)
            {
                case FencedDivSyntax d: if (!d.Ended) return true; return false;
                case FencedCodeBlock { ClosingFencedCharCount: 0 }: return true;
                case TexMathBlockSyntax { Closed: false }: return true;
            }
        }
        return false;
    }
}
