using System.Collections.Immutable;

namespace Bookish.Model;

internal sealed record Author(string Name)
{
    public string? Url { get; init; }
    public string? Affiliation { get; init; }
}

/// <summary>A LaTeX macro shared by the equation renderer and the PDF preamble.</summary>
internal sealed record MacroDefinition(string Name, string Body, int Arguments = 0)
{
    /// <summary>Where the macro is defined (its front matter or notation line), for errors TeX reports in its definition.</summary>
    public Text.SourceSpan? Span { get; init; }

    /// <summary>Two definitions are the same macro whatever line they were read from.</summary>
    public bool Equals(MacroDefinition? other) => other is not null && Name == other.Name && Body == other.Body && Arguments == other.Arguments;

    public override int GetHashCode() => HashCode.Combine(Name, Body, Arguments);
}

/// <summary>Front matter (or the legacy dialect's root attributes).</summary>
internal sealed record Metadata
{
    public string Title { get; init; } = "";
    /// <summary>A chapter titled by its heading (<see cref="Books.ChapterTitle"/>): that heading's inlines, math kept as math; else empty.</summary>
    public ImmutableArray<Inline> TitleContent { get; init; } = [];
    public string? Subtitle { get; init; }
    public ImmutableArray<Author> Authors { get; init; } = [];
    public string? Date { get; init; }
    /// <summary>Abstract, as blocks read with the same reader as the body.</summary>
    public ImmutableArray<Block> Abstract { get; init; } = [];
    public string Lang { get; init; } = "en";
    public ImmutableArray<MacroDefinition> Macros { get; init; } = [];
    /// <summary>LaTeX packages the author adds (<c>packages:</c>), loaded by the equation renderer and the PDF alike.</summary>
    public ImmutableArray<LatexPackage> Packages { get; init; } = [];
    public bool NumberSections { get; init; } = true;
    public bool TableOfContents { get; init; } = true;
    public string? Template { get; init; }
    public string? Css { get; init; }
    public string? Description { get; init; }
    public string? Image { get; init; }
    public string? Url { get; init; }
    public string? TwitterHandle { get; init; }
    public string? Bibliography { get; init; }
    public string? Copyright { get; init; }
    /// <summary>Extra style sheets of the document itself (legacy <c>&lt;css file&gt;</c>), used only with --doc-css.</summary>
    public ImmutableArray<string> DocumentCss { get; init; } = [];
    /// <summary>Every front matter key as read (YAML scalars, lists and maps), for features that own their keys.</summary>
    public ImmutableDictionary<string, object?> Raw { get; init; } = ImmutableDictionary<string, object?>.Empty;
}
