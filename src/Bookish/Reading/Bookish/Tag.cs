using System.Collections.Immutable;

namespace Bookish.Reading;

/// <summary>An attribute: <c>"raw"</c>, <c>{bookish markup}</c> or a bare word. Offsets are of the value without delimiters.</summary>
internal sealed record TagAttribute(string Name, string Value, int ValueStart, int ValueEnd, bool Markup);

/// <summary>A start or end tag as read from the source; <see cref="End"/> is just past its <c>&gt;</c>.</summary>
internal sealed record Tag(string Name, bool IsClose, ImmutableArray<TagAttribute> Attributes, int Start, int End)
{
    /// <summary>Syntax problems found while reading the tag, reported when the tag is consumed.</summary>
    public ImmutableArray<(int Start, int End, string Message)> Errors { get; init; } = [];

    public bool SelfClosed { get; init; }

    public TagAttribute? Attr(string name) => Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public string? Value(string name) => Attr(name)?.Value;

    public bool Is(string name) => !IsClose && Name == name;

    public bool Closes(string name) => IsClose && Name == name;
}
