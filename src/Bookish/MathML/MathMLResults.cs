namespace Bookish.MathML;

/// <summary>
/// The MathML of a publication's equations by fragment key (those KaTeX rejected are absent: they keep their spoken
/// name only), with counts for the build summary and measurements.
/// </summary>
internal sealed record MathMLResults(IReadOnlyDictionary<string, string> ByKey, int Converted, int Rejected, int FromCache, TimeSpan Elapsed)
{
    public static readonly MathMLResults None = new(new Dictionary<string, string>(), 0, 0, 0, TimeSpan.Zero);

    /// <summary>Equations KaTeX could not convert (from the cache or this build).</summary>
    public IReadOnlyList<string> RejectedTex { get; init; } = [];
}
