using Bookish.Text;

namespace Bookish.Latex;

/// <summary>The generated .tex with a map from its line numbers to the source spans that produced them.</summary>
public sealed record LatexDocument(string Tex, IReadOnlyDictionary<int, SourceSpan> LineMap, IReadOnlyList<string> Resources)
{
    /// <summary>The source span of the construct that produced line <paramref name="texLine"/>.</summary>
    public SourceSpan? SpanOf(int texLine)
    {
        SourceSpan? best = null;
        foreach (var (line, span) in LineMap)
        {
            if (line > texLine) break;
            best = span;
        }
        return best;
    }
}
