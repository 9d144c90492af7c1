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
        return Unbracket(result.ToList()).ToImmutableArray();
    }

    /// <summary>
    /// Pandoc-crossref's <c>[@eq:a]</c> and <c>[@eq:a; @eq:b]</c>: the brackets go, leaving "(1)" or "(1) and (2)"
    /// (three or more: "(1), (2), and (3)"). Brackets holding anything else stay as written.
    /// </summary>
    private static List<Inline> Unbracket(List<Inline> inlines)
    {
        if (!inlines.Any(i => i is CrossRef)) return inlines;
        var result = new List<Inline>();
        for (var i = 0; i < inlines.Count; i++)
        {
            if (inlines[i] is Str open && open.Value.EndsWith('[') && i + 2 < inlines.Count && inlines[i + 1] is CrossRef)
            {
                var refs = new List<CrossRef>();
                var j = i + 1;
                while (j < inlines.Count && inlines[j] is CrossRef r)
                {
                    refs.Add(r);
                    j++;
                    var sep = j;
                    var text = "";
                    while (sep < inlines.Count && inlines[sep] is Str or SoftBreak) { text += inlines[sep] is Str t ? t.Value : " "; if (text.Trim() != ";") break; sep++; }
                    if (text.Trim() == ";" && sep < inlines.Count && inlines[sep] is CrossRef) { j = sep; continue; }
                    break;
                }
                if (j < inlines.Count && inlines[j] is Str close && close.Value.StartsWith(']'))
                {
                    if (open.Value.Length > 1) result.Add(open with { Value = open.Value[..^1] });
                    for (var k = 0; k < refs.Count; k++)
                    {
                        if (k > 0)
                            result.Add(new Str(refs.Count == 2 ? " and " : k == refs.Count - 1 ? ", and " : ", ", refs[k].Span));
                        result.Add(refs[k]);
                    }
                    if (close.Value.Length > 1) result.Add(close with { Value = close.Value[1..] });
                    i = j;
                    continue;
                }
            }
            result.Add(inlines[i]);
        }
        return result;
    }
}
