namespace Bookish.Calculus;

/// <summary>Checker settings: seed, number of sample points, and auto mode (refute only on overwhelming evidence).</summary>
/// <param name="ExplicitDependence">Auto mode with a declarations sidecar: what depends on what is declared, so an operand
/// that does not mention its variable is not refused as implicit dependence.</param>
internal sealed record CheckOptions(uint Seed = 20240607, int Points = 5, bool Auto = false, bool ExplicitDependence = false)
{
    public static CheckOptions Default { get; } = new();
}
