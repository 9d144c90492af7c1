using Xunit;
using Bookish.Checks.Parity;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Parity;

internal static class ParityAssert
{
    /// <summary>Asserts one difference of <paramref name="kind"/> matches, and returns it; the report is printed on failure.</summary>
    public static ParityDifference Found(ParityReport report, ParityKind kind, Func<ParityDifference, bool> match, ITestOutputHelper output)
    {
        output.WriteLine(ParityFormatter.Text(report));
        Assert.Null(report.InputError);
        Assert.Equal(1, report.ExitCode);
        var hit = report.Differences.FirstOrDefault(d => d.Kind == kind && match(d));
        Assert.True(hit is not null, $"no {kind} difference matched; the report was:\n{ParityFormatter.Text(report)}");
        return hit!;
    }

    public static void Agree(ParityReport report, ITestOutputHelper output)
    {
        output.WriteLine(ParityFormatter.Text(report));
        Assert.Null(report.InputError);
        Assert.True(report.Agree, ParityFormatter.Text(report));
        Assert.Equal(0, report.ExitCode);
    }

    public static bool Has(string? text, string part) => text is not null && text.Contains(part, StringComparison.Ordinal);
}
