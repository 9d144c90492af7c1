using Bookish.Calculus;
using Xunit;

namespace Bookish.Tests.Calculus;

public sealed class ConformanceTests
{
    public static TheoryData<int> Lines => ConformanceCorpus.Lines();

    [Theory]
    [MemberData(nameof(Lines))]
    public void Every_corpus_claim_gets_its_expected_verdict(int line)
    {
        var c = ConformanceCorpus.At(line);

        var v = DerivativeChecker.CheckClaim(c.Declare, c.Define, c.Claim, c.Layout);

        Assert.True(c.Expected == v.KindText, $"{c}\n  got {v}");
    }

    [Fact]
    public void The_corpus_has_at_least_100_true_and_100_wrong_claims()
    {
        var cases = ConformanceCorpus.Load();

        Assert.True(cases.Count(c => c.Expected == "verified") >= 100);
        Assert.True(cases.Count(c => c.Expected == "refuted") >= 100);
    }
}
