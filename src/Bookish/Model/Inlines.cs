using System.Collections.Immutable;
using Bookish.Text;

namespace Bookish.Model;

internal sealed record Str(string Value, SourceSpan Span) : Inline(Span);

internal sealed record Emphasis(ImmutableArray<Inline> Content, bool Strong, SourceSpan Span) : Inline(Span);

internal sealed record Code(string Value, SourceSpan Span) : Inline(Span);

internal sealed record Link(string Url, ImmutableArray<Inline> Content, SourceSpan Span) : Inline(Span)
{
    public string? Title { get; init; }
}

internal sealed record Image(string Source, string Alt, SourceSpan Span) : Inline(Span);

internal sealed record MathInline(string Tex, SourceSpan Span) : Inline(Span);

/// <summary>A footnote or sidenote, held where it is referenced. <see cref="Number"/> is filled by <see cref="Numbering"/>.</summary>
internal sealed record Note(ImmutableArray<Block> Content, bool Side, SourceSpan Span) : Inline(Span)
{
    public string Number { get; init; } = "";
    /// <summary>Label other references use to point at this note (legacy side items); registered by <see cref="Numbering"/>.</summary>
    public string? Label { get; init; }
}

internal sealed record LineBreak(SourceSpan Span) : Inline(Span);

internal sealed record SoftBreak(SourceSpan Span) : Inline(Span);

/// <summary>A reference to a label (<c>\eqref{eq:x}</c>, <c>@eq:x</c>, <c>[label]</c>), resolved through <see cref="LabelTable"/>.</summary>
internal sealed record CrossRef(string Label, SourceSpan Span) : Inline(Span)
{
    /// <summary>True for <c>\eqref</c>: printed with parentheses.</summary>
    public bool Parenthesized { get; init; }
}

/// <summary>
/// A citation of one or more keys: parenthetical (<c>[@a; see @b, p. 3]</c>, <c>\citep</c>) or narrative (<c>@a</c>,
/// <c>\citet</c>). <see cref="Items"/> carries each key's prefix, locator and author suppression (<c>[-@a]</c>).
/// </summary>
internal sealed record Citation(ImmutableArray<string> Keys, SourceSpan Span) : Inline(Span)
{
    private readonly ImmutableArray<CitationItem> _items;

    /// <summary>The cited items, in order; plain keys when the reader gave none.</summary>
    public ImmutableArray<CitationItem> Items
    {
        get => _items.IsDefaultOrEmpty ? Keys.Select(k => new CitationItem(k)).ToImmutableArray() : _items;
        init => _items = value;
    }

    /// <summary>True for the author-in-text form: "Doe (2020)" or "Doe [1]".</summary>
    public bool Narrative { get; init; }

    /// <summary>Written as a bare <c>@key</c> in prose: without a bibliography it stays text, and a label makes it a cross-reference.</summary>
    public bool Bare { get; init; }
}

internal sealed record RawInline(string Format, string Text, SourceSpan Span) : Inline(Span);
