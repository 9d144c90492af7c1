namespace Bookish.Calculus;

/// <summary>A <c>define:</c> entry: <c>g(x, y) = …</c> (parameters, scalar ones apply element-wise) or an alias <c>y = …</c>.</summary>
internal sealed record FunctionDefinition(string Name, IReadOnlyList<string> Parameters, IReadOnlyList<bool> ScalarParameters, Expr Body, string Source);
