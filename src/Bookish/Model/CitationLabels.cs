namespace Bookish.Model;

/// <summary>
/// <c>@key</c> is a citation unless the key is a label: <c>@lem:bound</c>, Quarto's <c>@thm-chain</c> and <c>[@sec:x]</c>
/// then read as cross-references ("Lemma 2"), decided once for every writer and the bibliography.
/// </summary>
internal static class CitationLabels
{
    public static CrossRef? AsCrossRef(Citation c, LabelTable labels) =>
        c.Items is [{ Prefix: "", Suffix: "", SuppressAuthor: false } only] && labels.Find(only.Key) is not null
            ? new CrossRef(only.Key, c.Span) { Parenthesized = true }
            : null;
}
