namespace Bookish.Calculus;

/// <summary>A declared variable: scalar, vector (Rows×1) or matrix, with qualifiers (symmetric, invertible, positive definite).</summary>
internal sealed record SymbolDeclaration(string Name, bool IsScalar, int Rows, int Cols, IReadOnlyList<string> Qualifiers);
