namespace Bookish.Notation;

/// <summary>
/// The notation as a derivative checker <c>declare:</c> line: scalars <c>b \in \mathbb{R}</c>, vectors
/// <c>\mathbf{x} \in \mathbb{R}^{n}</c> and matrices <c>\mathbf{W} \in \mathbb{R}^{m \times n}</c>. Only entries whose
/// symbol is a plain name (a letter, a Greek letter, or one of them in bold) and whose shape is known when they are not
/// scalars; functions, operators, sets and indices are left to the check block.
/// </summary>
internal static class NotationDeclarations
{
    public static string DeclareText(NotationSet notation) =>
        string.Join(", ", Items(notation).Select(i => $"{i.Symbol} \\in {i.Set}"));

    public static IReadOnlyList<(string Symbol, string Set)> Items(NotationSet notation)
    {
        var items = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in notation.Entries)
        {
            var key = TexCanon.Key(e.Symbol);
            if (!IsName(e.Symbol) || !seen.Add(key)) continue;
            string? set = e.Kind switch
            {
                NotationKind.Scalar => @"\mathbb{R}",
                NotationKind.Vector when e.Shape is { Length: > 0 } n => $@"\mathbb{{R}}^{{{n}}}",
                NotationKind.Matrix when e.Shape is { Length: > 0 } mn => $@"\mathbb{{R}}^{{{mn}}}",
                _ => null,
            };
            if (set is not null) items.Add((e.Symbol, set));
        }
        return items;
    }

    private static bool IsName(string symbol)
    {
        var t = TexCanon.Tokens(symbol);
        static bool Atom(CanonToken x) => x.Text.Length == 1 && char.IsAsciiLetter(x.Text[0]) || TexCommands.Greek.Contains(x.Text);
        return t.Count == 1 && Atom(t[0])
            || t.Count == 4 && TexCommands.BoldFamily.Contains(t[0].Text) && t[1].Text == "{" && Atom(t[2]) && t[3].Text == "}";
    }
}
