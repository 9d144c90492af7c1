namespace Bookish.Reading;

/// <summary>Which generation of the legacy bookish dialect a file is written in.</summary>
internal enum BookishDialect
{
    /// <summary>Decide per file: <c>.md</c>/<c>.json</c> roots and files starting with <c>#</c> are the Markdown era.</summary>
    Auto,
    /// <summary>The XML-ish dialect (<c>&lt;chapter&gt;</c>, <c>&lt;section&gt;</c>, <c>\[…\]</c>, <c>&lt;latex&gt;</c>).</summary>
    Xml,
    /// <summary>The 2018 Markdown-era dialect (<c>## Title (label)</c>, <c>\\[…\\]</c>, <c>\latex{{…}}</c>).</summary>
    Markdown,
}

/// <summary>Options of <see cref="BookishXmlReader"/>; immutable.</summary>
internal sealed record BookishXmlOptions
{
    public static BookishXmlOptions Default { get; } = new();

    public BookishDialect Dialect { get; init; } = BookishDialect.Auto;

    /// <summary>Define <c>\vec</c> as <c>\mathbf</c>, the original tool's preamble convention.</summary>
    public bool VecIsBold { get; init; } = true;

    /// <summary>The project root: included files and images must lie inside it (links followed). Null: the root file's folder.</summary>
    public Security.ProjectRoot? Root { get; init; }
}
