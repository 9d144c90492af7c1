using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Calculus;

/// <summary>
/// The listing behind <c>bookish check --derivatives auto --list-chains</c>: every chain auto mode tried, one line each
/// (<c>path:line: verdict: reason | TeX</c>), then the not-checkable ones grouped by cause, biggest group first.
/// </summary>
internal static class AutoCheckListing
{
    public static string Format(AutoCheckReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine("chains:");
        foreach (var item in report.Items)
        {
            string reason = item.Verdict.Kind == VerdictKind.Verified ? "" : ": " + OneLine(item.Verdict.Message);
            sb.AppendLine($"  {item.Span.Path}:{item.Span.Line}: {Word(item.Verdict.Kind)}{reason} | {Shorten(OneLine(item.Tex), 160)}");
        }
        sb.AppendLine("not checkable, by cause:");
        foreach (var g in report.Items.Where(i => i.Verdict.Kind == VerdictKind.NotCheckable)
                     .GroupBy(i => Cause(i.Verdict.Message)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            sb.AppendLine($"  {g.Count(),3}  {g.Key}  (lines {string.Join(", ", g.Select(i => i.Span.Line))})");
        return sb.ToString();
    }

    private static string Word(VerdictKind kind) => kind switch
    {
        VerdictKind.Verified => "verified",
        VerdictKind.Refuted => "refuted",
        _ => "not checkable",
    };

    /// <summary>The reason without the quoted names that differ between claims of one cause.</summary>
    internal static string Cause(string message) =>
        Regex.Replace(OneLine(message), @"'[^']*'", "'…'");

    private static string OneLine(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
