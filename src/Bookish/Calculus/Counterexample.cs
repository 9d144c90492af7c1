namespace Bookish.Calculus;

/// <summary>
/// Where a claim fails: the sample point, the failing link of the chain (1-based; link 0 is the derivative), the
/// numerically computed derivative and the claimed value (formatted), and the first differing entry (1-based row, column).
/// </summary>
internal sealed record Counterexample(
    IReadOnlyList<NamedValue> Point,
    int Link,
    string LinkSource,
    string Expected,
    string Claimed,
    int Row,
    int Column,
    double? ExpectedEntry,
    double? ClaimedEntry);
