namespace Bookish.Calculus;

/// <summary>Everything a <c>declare:</c> line says: variables in order, bound sizes, domain constraints, flags.</summary>
internal sealed record Declarations(
    IReadOnlyList<SymbolDeclaration> Symbols,
    IReadOnlyDictionary<string, int> Sizes,
    IReadOnlyList<DomainConstraint> Constraints,
    bool ElementwiseOtimes)
{
    public SymbolDeclaration? Find(string name) => Symbols.LastOrDefault(s => s.Name == name);
}
