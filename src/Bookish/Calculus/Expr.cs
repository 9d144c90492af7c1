namespace Bookish.Calculus;

/// <summary>A node of the typed expression tree; <see cref="Start"/>/<see cref="End"/> index the parsed source text.</summary>
internal abstract record Expr(int Start, int End);

internal sealed record NumberExpr(double Value, int Start, int End) : Expr(Start, End);

/// <summary>A variable, a size, a definition or a constant, by canonical name (<c>x</c>, <c>\mathbf{x}</c>, <c>x_1</c>).</summary>
internal sealed record SymbolExpr(string Name, bool Bold, int Start, int End) : Expr(Start, End);

/// <summary>An entry of a vector or matrix, <c>x_i</c> or <c>W_{ij}</c> (1-based).</summary>
internal sealed record IndexExpr(SymbolExpr Target, IReadOnlyList<Expr> Indices, int Start, int End) : Expr(Start, End);

internal sealed record NegateExpr(Expr Operand, int Start, int End) : Expr(Start, End);

/// <summary>Op is one of <c>+ - juxt cdot times odot oslash otimes /</c>.</summary>
internal sealed record BinaryExpr(string Op, Expr Left, Expr Right, int Start, int End) : Expr(Start, End);

internal sealed record PowerExpr(Expr Base, Expr Exponent, int Start, int End) : Expr(Start, End)
{
    /// <summary><c>\tanh^2 x</c>: the power written on a function name (entry by entry for a vector).</summary>
    public bool OfFunction { get; init; }
}

/// <summary>Op is <c>T</c> (transpose) or <c>-T</c> (inverse transpose).</summary>
internal sealed record TransposeExpr(string Op, Expr Operand, int Start, int End) : Expr(Start, End);

/// <summary>A call of a defined function (or <c>\sigma</c>); <see cref="Primes"/> counts <c>f'</c> marks.</summary>
internal sealed record CallExpr(string Name, IReadOnlyList<Expr> Args, int Primes, int Start, int End) : Expr(Start, End);

/// <summary>A built-in: exp ln sin cos tan tanh sinh cosh sqrt abs norm norm1 det tr diag sum max min sigma.</summary>
internal sealed record FunctionExpr(string Name, IReadOnlyList<Expr> Args, int Start, int End) : Expr(Start, End);

/// <summary>A block matrix (<c>bmatrix</c>, <c>[a, b]</c>); entries may be scalars or blocks.</summary>
internal sealed record MatrixExpr(IReadOnlyList<IReadOnlyList<Expr>> Rows, int Start, int End) : Expr(Start, End);

internal sealed record SumExpr(string Index, Expr From, Expr? To, Expr Body, int Start, int End) : Expr(Start, End)
{
    /// <summary><c>\prod</c> instead of <c>\sum</c>.</summary>
    public bool Product { get; init; }
}

/// <summary><c>\mathbf{1}</c> (ones), <c>\mathbf{I}</c> (identity), <c>\mathbf{0}</c> (zero), sized by Size or by context.</summary>
internal sealed record ConstantExpr(string Which, Expr? Size, int Start, int End) : Expr(Start, End);

/// <summary>A derivative of Operand with respect to Variables (one, or a function's arguments for <c>\nabla f(x,y)</c>).</summary>
internal sealed record DerivativeExpr(Expr Operand, IReadOnlyList<Expr> Variables, bool Nabla, int Start, int End) : Expr(Start, End)
{
    /// <summary>A second derivative: Variables holds the two variables (the same one twice for a Hessian).</summary>
    public bool Second { get; init; }

    /// <summary>Written with ∂ above (<c>\frac{\partial f}{\partial x}</c>), not d: of a function written bare, the partial by one parameter.</summary>
    public bool Partial { get; init; }
}
