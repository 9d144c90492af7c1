using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Bookish.Model;

namespace Bookish.Reading;

/// <summary>
/// Finds cross-references and citations in text: <c>\eqref{eq:x}</c>, <c>\ref{x}</c>, <c>@eq:x</c> (also sec, fig, tbl),
/// and groups citations written in brackets (<c>[see @a, p. 3; @b]</c>, see <see cref="CitationGroups"/>).
/// </summary>
internal static partial class InlinePostProcessor
{
    [GeneratedRegex(@"\\(?<kind>eqref|ref)\{(?<label>[^}\s]+)\}|(?<![\w@])@(?<at>(?:eq|sec|fig|tbl|table|thm|lst|lem|cor|prp|def|exm|exr|sol|rem|cnj):[A-Za-z0-9_\-:.]*[A-Za-z0-9_])")]
    private static partial Regex Reference();

    public static ImmutableArray<Inline> Process(List<Inline> inlines)
    {
        inlines = CitationGroups.Group(inlines);
        var result = ImmutableArray.CreateBuilder<Inline>();
        foreach (var inline in inlines)
        {
            if (inline is not Str t || !Reference().IsMatch(t.Value)) { result.Add(inline); continue; }
            var pos = 0;
            foreach (Match m in Reference().Matches(t.Value))
            {
                if (m.Index > pos) result.Add(t with { Value = t.Value[pos..m.Index] });
                var span = t.Span with { Column = t.Span.Column + m.Index, EndLine = t.Span.Line, EndColumn = t.Span.Column + m.Index + m.Length - 1 };
                if (m.Groups["kind"].Success)
                    result.Add(new CrossRef(m.Groups["label"].Value, span) { Parenthesized = m.Groups["kind"].Value == "eqref" });
                else
                    result.Add(new CrossRef(m.Groups["at"].Value, span) { Parenthesized = true });
                pos = m.Index + m.Length;
            }
            if (pos < t.Value.Length) result.Add(t with { Value = t.Value[pos..] });
        }
        return result.ToImmutable();
    }
}
