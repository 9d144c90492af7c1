namespace Bookish.Calculus;

/// <summary>Matrix-calculus layout: numerator (Jacobian m×n, gradient a row) or denominator (transposed).</summary>
internal enum Layout { Numerator, Denominator }
