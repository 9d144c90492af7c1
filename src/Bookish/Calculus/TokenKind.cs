namespace Bookish.Calculus;

internal enum TokenKind { Number, Letter, Command, Symbol, DoubleBar, RowSeparator, End }
