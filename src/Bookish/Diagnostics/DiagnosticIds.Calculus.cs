namespace Bookish.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>
    /// Auto mode read a derivative the way the author evidently meant it, not as written: <c>\frac{d}{x}</c> (the differential's
    /// d missing below) as <c>\frac{d}{dx}</c>. The message names the typo; the verdict is of the corrected reading.
    /// </summary>
    public static readonly DiagnosticDescriptor DerivativeTypo = Warning("BK5040", "derivative read with a typo corrected");
}
