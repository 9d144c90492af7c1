using System.Text;
using Markdig.Parsers;
using Markdig.Syntax;
using Bookish.Model;
using Block = Markdig.Syntax.Block;

namespace Bookish.Reading;

/// <summary>Markdig node for display math: <c>$$…$$</c>, <c>\[…\]</c>, or an amsmath environment.</summary>
internal sealed class TexMathBlockSyntax : LeafBlock
{
    public TexMathBlockSyntax(BlockParser parser) : base(parser) => ProcessInlines = false;
    public StringBuilder Body { get; } = new();
    public MathEnvironment Environment { get; set; }
    public string Closer { get; set; } = "";
    public bool Closed { get; set; }
}

/// <summary>Reads display math blocks; their bodies never go through Markdown inline parsing.</summary>
internal sealed class TexMathBlockParser : BlockParser
{
    private static readonly string[] Environments =
        ["equation*", "equation", "align*", "align", "gather*", "gather", "multline*", "multline"];

    public TexMathBlockParser() => OpeningCharacters = ['$', '\\'];

    /// <summary>
    /// <c>$$\begin{align} … \end{align}$$</c>, as MathJax authors write it (LaTeX refuses an environment inside a display):
    /// the environment itself, numbered as LaTeX numbers it. Anything else is left as written.
    /// </summary>
    internal static (string Tex, MathEnvironment Environment) Unwrap(string tex, MathEnvironment environment)
    {
        if (environment != MathEnvironment.Display) return (tex, environment);
        foreach (var name in Environments)
        {
            string opener = @"\begin{" + name + "}", closer = @"\end{" + name + "}";
            if (!tex.StartsWith(opener, StringComparison.Ordinal) || !tex.EndsWith(closer, StringComparison.Ordinal)) continue;
            var inner = tex[opener.Length..^closer.Length];
            if (inner.Contains(opener, StringComparison.Ordinal)) return (tex, environment);
            return (inner.Trim('\n', ' ', '\r'), MathEnvironmentExtensions.FromLatexName(name)!.Value);
        }
        return (tex, environment);
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line.ToString();
        string opener, closer;
        MathEnvironment env;
        if (line.StartsWith("$$", StringComparison.Ordinal)) { opener = "$$"; closer = "$$"; env = MathEnvironment.Display; }
        else if (line.StartsWith(@"\[", StringComparison.Ordinal)) { opener = @"\["; closer = @"\]"; env = MathEnvironment.Display; }
        else if (line.StartsWith(@"\begin{", StringComparison.Ordinal) &&
                 Environments.FirstOrDefault(e => line.StartsWith(@"\begin{" + e + "}", StringComparison.Ordinal)) is { } name)
        {
            opener = @"\begin{" + name + "}"; closer = @"\end{" + name + "}"; env = MathEnvironmentExtensions.FromLatexName(name)!.Value;
        }
        else return BlockState.None;

        var block = new TexMathBlockSyntax(this)
        {
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Line.Start, processor.Line.End),
            Environment = env,
            Closer = closer,
        };
        processor.NewBlocks.Push(block);
        var rest = line[opener.Length..];
        return Consume(block, rest, processor);
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var math = (TexMathBlockSyntax)block;
        if (math.Closed) return BlockState.None;
        return Consume(math, processor.Line.ToString(), processor);
    }

    private static BlockState Consume(TexMathBlockSyntax block, string text, BlockProcessor processor)
    {
        var end = text.IndexOf(block.Closer, StringComparison.Ordinal);
        block.UpdateSpanEnd(processor.Line.End);
        if (end < 0)
        {
            block.Body.Append(text).Append('\n');
            return BlockState.Continue;
        }
        block.Body.Append(text, 0, end);
        block.Closed = true;
        return BlockState.Break;
    }
}
