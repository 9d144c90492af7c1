namespace Bookish.Notation;

/// <summary>What a declared symbol stands for; the derivative checker reads it together with the shape.</summary>
internal enum NotationKind { Scalar, Vector, Matrix, Function, Operator, Set, Index }
