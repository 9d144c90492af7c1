using System.Collections.Immutable;
using Bookish.Model;

namespace Bookish.Notation;

/// <summary>
/// A document's declared notation, in declaration order (duplicates kept so the lint can report them), and the macros it
/// defines: one per entry with a <c>macro</c>, plus the <c>macros:</c> of a separate notation file. Pass
/// <see cref="Macros"/> as <c>extra</c> to <c>Preamble.For</c>; the document's own <c>macros:</c> are already in
/// <c>Metadata.Macros</c>.
/// </summary>
internal sealed record NotationSet(ImmutableArray<NotationEntry> Entries, ImmutableArray<MacroDefinition> Macros)
{
    public static NotationSet Empty { get; } = new([], []);

    public bool IsEmpty => Entries.IsEmpty && Macros.IsEmpty;

    /// <summary>The notation's macros that the document's own <c>macros:</c> do not already define: what to pass to
    /// <c>Preamble.For(metadata, extra)</c> so each macro is defined once (a clash with a different body is BK5003).</summary>
    public IReadOnlyList<MacroDefinition> MacrosBeyond(Metadata metadata) =>
        Macros.Where(m => !metadata.Macros.Any(d => d.Name == m.Name)).ToList();

    /// <summary>The first entry declaring <paramref name="symbol"/> (compared without spaces and optional braces).</summary>
    public NotationEntry? Find(string symbol)
    {
        var key = TexCanon.Key(symbol);
        return Entries.FirstOrDefault(e => TexCanon.Key(e.Symbol) == key);
    }
}
