namespace Bookish.Calculus;

/// <summary>Checker settings: seed, number of sample points, and auto mode (refute only on overwhelming evidence).</summary>
internal sealed record CheckOptions(uint Seed = 20240607, int Points = 5, bool Auto = false)
{
    public static CheckOptions Default { get; } = new();
}
