namespace Bookish.Calculus;

/// <summary>
/// Entry point of the derivative checker: claims such as <c>\nabla g(x,y) = [2, 8y^7]</c> are verified numerically
/// (fourth-order central differences at several seeded random points of the declared domain, entry-by-entry
/// relative + absolute tolerance). Bad input never throws: it yields <see cref="VerdictKind.NotCheckable"/>.
/// </summary>
internal static partial class DerivativeChecker
{
    /// <summary>
    /// Checks one claim, as <c>bookish derivcheck --declare … --define … --claim … --layout numerator</c> does
    /// (exit code: <see cref="Verdict.ExitCode"/>; JSON: <see cref="Verdict.ToJson"/>).
    /// </summary>
    public static Verdict CheckClaim(string declare, string define, string claim, string layout = "numerator") =>
        CheckClaim(declare, define, claim, layout, CheckOptions.Default.Seed);

    /// <summary>As <see cref="CheckClaim(string, string, string, string)"/> with an explicit seed (re-run at new points).</summary>
    public static Verdict CheckClaim(string declare, string define, string claim, string layout, uint seed)
    {
        if (!TryParseLayout(layout, out var l))
            return new Verdict(VerdictKind.NotCheckable, $"unknown layout '{layout}' (use numerator or denominator)", Part: "layout");
        return ClaimChecker.Check(declare ?? "", define ?? "", claim ?? "", l, CheckOptions.Default with { Seed = seed });
    }

    internal static bool TryParseLayout(string? text, out Layout layout)
    {
        string t = (text ?? "").Trim().ToLowerInvariant();
        layout = Layout.Numerator;
        if (t.Length == 0 || t.StartsWith("numerator", StringComparison.Ordinal)) return true;
        if (t.StartsWith("denominator", StringComparison.Ordinal)) { layout = Layout.Denominator; return true; }
        return false;
    }
}
