using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bookish.Calculus;

/// <summary>
/// The verdict on one claim. For <see cref="VerdictKind.NotCheckable"/>, <see cref="Part"/> names the input
/// ("declare", "define", "claim") and <see cref="Start"/>/<see cref="End"/> the offending substring's offsets in it (or -1).
/// </summary>
internal sealed record Verdict(VerdictKind Kind, string Message, Counterexample? Counterexample = null, string? Part = null, int Start = -1, int End = -1, string? Offending = null)
{
    /// <summary>The claim could not be read because it exceeds a parser limit (too long, nested too deeply).</summary>
    public bool TooLarge { get; init; }

    /// <summary>Number of random points at which the claim was compared.</summary>
    public int PointsChecked { get; init; }

    /// <summary>"verified", "refuted" or "not-checkable" — the same strings as the browser checker.</summary>
    public string KindText => Kind switch
    {
        VerdictKind.Verified => "verified",
        VerdictKind.Refuted => "refuted",
        _ => "not-checkable",
    };

    /// <summary>Process exit code for <c>bookish derivcheck</c>: 0 verified, 1 refuted, 2 not checkable.</summary>
    public int ExitCode => Kind switch { VerdictKind.Verified => 0, VerdictKind.Refuted => 1, _ => 2 };

    public string ToJson() => JsonSerializer.Serialize(new VerdictJson(
        KindText,
        Message,
        Counterexample is not { } c ? null : new CounterexampleJson(c.Point.ToDictionary(p => p.Name, p => p.Value), c.Link, c.LinkSource, c.Expected,
            c.Claimed, c.Row, c.Column, c.ExpectedEntry, c.ClaimedEntry),
        Part, Start, End, Offending, PointsChecked), CheckerJsonContext.Default.VerdictJson);

    public override string ToString() => KindText + ": " + Details();

    /// <summary>The message and the counterexample without the verdict word (a diagnostic's id already says "refuted").</summary>
    public string Details()
    {
        var sb = new StringBuilder();
        sb.Append(Message);
        if (Offending != null) sb.Append(" (at '").Append(Offending).Append("' in ").Append(Part).Append(')');
        if (Counterexample is { } c)
        {
            sb.AppendLine();
            sb.Append("  at ").AppendJoin(", ", c.Point.Select(p => $"{p.Name} = {p.Value}")).AppendLine();
            // The message already quotes the link that differs: its value only, beside the derivative's.
            sb.Append("  derivative: ").AppendLine(c.Expected);
            sb.Append("  claimed:    ").AppendLine(c.Claimed);
            if (c.Row > 0 && c.Expected.StartsWith('['))
                sb.Append(CultureInfo.InvariantCulture, $"  entry ({c.Row}, {c.Column}): expected {Format.Number(c.ExpectedEntry ?? 0)}, claimed {Format.Number(c.ClaimedEntry ?? 0)}");
        }
        return sb.ToString().TrimEnd();
    }
}
