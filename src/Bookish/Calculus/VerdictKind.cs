namespace Bookish.Calculus;

/// <summary>The outcome of checking one derivative claim.</summary>
public enum VerdictKind { Verified, Refuted, NotCheckable }
