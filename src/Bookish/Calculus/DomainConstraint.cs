namespace Bookish.Calculus;

/// <summary>A chain of strict (in)equalities such as <c>0 &lt; t &lt; 1</c>; Ops holds <c>&lt; &gt; ne</c>.</summary>
internal sealed record DomainConstraint(IReadOnlyList<Expr> Terms, IReadOnlyList<string> Ops);
