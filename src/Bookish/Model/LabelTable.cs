using System.Collections.Immutable;

namespace Bookish.Model;

internal enum LabelKind { Section, Equation, Figure, Table, Note, Citation, Other, Theorem }

/// <summary>A resolved label: what it is, its printed number, and its anchor (page + id).</summary>
internal sealed record LabelTarget(string Label, LabelKind Kind, string Number, string Page, string Id)
{
    /// <summary>Printed text for references to things without numbers (e.g. unnumbered sections, side items).</summary>
    public string? Title { get; init; }
    /// <summary>Set when the target is a whole chapter of a book (references read "Chapter 2", "Appendix A").</summary>
    public ChapterInfo? Chapter { get; init; }
    /// <summary>An equation tagged with TeX (<c>\tag{$\star$}</c>): the tag's argument, which the PDF's references typeset as written.</summary>
    public string? NumberTex { get; init; }
}

internal sealed record LabelTable(ImmutableDictionary<string, LabelTarget> Targets)
{
    public static LabelTable Empty { get; } = new(ImmutableDictionary<string, LabelTarget>.Empty);

    public LabelTarget? Find(string label) => Targets.GetValueOrDefault(label);
}
