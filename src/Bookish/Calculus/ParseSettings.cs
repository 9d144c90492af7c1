namespace Bookish.Calculus;

/// <summary>What the parser must know about names: defined functions, and declared variables and sizes.</summary>
internal sealed record ParseSettings(IReadOnlySet<string> Functions, IReadOnlySet<string> Variables)
{
    public static ParseSettings Empty { get; } = new(new HashSet<string>(), new HashSet<string>());
}
