using Markdig.Syntax.Inlines;

namespace Bookish.Reading.Syntax;

/// <summary>A bare <c>@key</c> in prose: a narrative citation, or a cross-reference when the key is a label.</summary>
internal sealed class CitationKeySyntax : LeafInline
{
    public string Key { get; set; } = "";
}

/// <summary><c>\cite{a,b}</c>, <c>\citep[see][p.~3]{a}</c>, <c>\citet{a}</c> in prose.</summary>
internal sealed class TexCiteSyntax : LeafInline
{
    public string[] Keys { get; set; } = [];
    public bool Narrative { get; set; }
    public string Prefix { get; set; } = "";
    public string Suffix { get; set; } = "";
}

/// <summary>A Pandoc inline note <c>^[text]</c>: <see cref="Text"/> is read as Markdown from <see cref="ContentStart"/>.</summary>
internal sealed class InlineNoteSyntax : LeafInline
{
    public string Text { get; set; } = "";
    public int ContentStart { get; set; }
}

/// <summary>A <c>$</c> (or <c>$$</c>) that opens math which never closes in its paragraph: text, and a diagnostic.</summary>
internal sealed class UnterminatedDollarSyntax : LiteralInline
{
    public string Opener { get; set; } = "$";
}
