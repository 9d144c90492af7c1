namespace Bookish.Calculus;

/// <summary>Everything a <c>declare:</c> line says: variables in order, bound sizes, domain constraints, flags.</summary>
internal sealed record Declarations(
    IReadOnlyList<SymbolDeclaration> Symbols,
    IReadOnlyDictionary<string, int> Sizes,
    IReadOnlyList<DomainConstraint> Constraints,
    bool ElementwiseOtimes)
{
    /// <summary><c>\text{functions element-wise}</c>: \exp, \sin … of a square matrix act entry by entry.</summary>
    public bool ElementwiseFunctions { get; init; }

    /// <summary>Without the named symbols: a block's <c>define:</c> of a symbol wins over its declaration (e.g. from the notation table).</summary>
    public Declarations Without(IReadOnlySet<string> names) =>
        names.Count == 0 || !Symbols.Any(s => names.Contains(s.Name)) ? this : this with { Symbols = Symbols.Where(s => !names.Contains(s.Name)).ToList() };

    public SymbolDeclaration? Find(string name) => Symbols.LastOrDefault(s => s.Name == name);
}
