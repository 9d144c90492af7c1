namespace Bookish.Calculus;

/// <summary>A variable of a counterexample point and its value, formatted (<c>[1, 2; 3, 4]</c> for matrices).</summary>
internal sealed record NamedValue(string Name, string Value);
