namespace Bookish.Calculus;

/// <summary>The outcome of checking one derivative claim.</summary>
internal enum VerdictKind { Verified, Refuted, NotCheckable }
