using Bookish.Diagnostics;

namespace Bookish.Calculus;

/// <summary>Auto mode counts (one per equality chain containing a derivative) and diagnostics (BK4001 error for refuted, BK4002 info for not checkable).</summary>
internal sealed record AutoCheckReport(int Checked, int Verified, int Refuted, int NotCheckable, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<AutoCheckItem> Items)
{
    public override string ToString() => $"{Checked} derivative chains: {Verified} verified, {Refuted} refuted, {NotCheckable} not checkable";
}
