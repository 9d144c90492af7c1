using System.Text;
using System.Text.Json;
using Bookish.Calculus;
using Xunit;

namespace Bookish.Tests.Calculus;

/// <summary>templates/derivcheck.js (run in Jint) must give the C# checker's verdicts on the whole conformance corpus.</summary>
public sealed class BrowserCheckerAgreementTests
{
    private static readonly Lazy<JintHost> Engine = new(() =>
    {
        var host = JintHost.Create();
        host.Execute(File.ReadAllText(ScriptPath()));
        return host;
    });

    private static string ScriptPath()
    {
        var corpus = ConformanceCorpus.PathToFile();
        var root = Directory.GetParent(corpus)!.Parent!.Parent!.FullName;
        return Path.Combine(root, "templates", "derivcheck.js");
    }

    private static JsonElement[] RunInBrowserChecker(IReadOnlyList<ConformanceCorpus.Case> cases, uint seed)
    {
        var js = new StringBuilder("JSON.stringify([");
        foreach (var c in cases)
        {
            js.Append("BookishDerivCheck.check({declare: ").Append(JsonSerializer.Serialize(c.Declare))
              .Append(", define: ").Append(JsonSerializer.Serialize(c.Define))
              .Append(", claim: ").Append(JsonSerializer.Serialize(c.Claim))
              .Append(", layout: ").Append(JsonSerializer.Serialize(c.Layout))
              .Append(", seed: ").Append(seed).Append("}),");
        }
        js.Append("])");
        using var doc = JsonDocument.Parse(Engine.Value.Evaluate(js.ToString()));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Theory]
    [InlineData(20240607u, 1)]
    [InlineData(7u, 5)]
    public void The_browser_checker_agrees_with_csharp_on_every_corpus_claim(uint seed, int stride)
    {
        var cases = ConformanceCorpus.Load().Where((_, i) => i % stride == 0).ToList();

        var js = RunInBrowserChecker(cases, seed);

        var disagreements = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            var cs = DerivativeChecker.CheckClaim(cases[i].Declare, cases[i].Define, cases[i].Claim, cases[i].Layout, seed);
            string jsVerdict = js[i].GetProperty("verdict").GetString()!;
            if (cs.KindText != jsVerdict) disagreements.Add($"{cases[i]}: C# {cs.KindText}, JS {jsVerdict} ({js[i].GetProperty("message").GetString()})");
            else if (cs.Counterexample is { } ce)
            {
                var jc = js[i].GetProperty("counterexample");
                if (jc.GetProperty("link").GetInt32() != ce.Link || jc.GetProperty("row").GetInt32() != ce.Row || jc.GetProperty("column").GetInt32() != ce.Column)
                    disagreements.Add($"{cases[i]}: counterexamples differ");
            }
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Fact]
    public void The_browser_checker_refutes_the_erratum_with_a_counterexample()
    {
        var r = RunInBrowserChecker([new ConformanceCorpus.Case(0, "refuted", "numerator", @"x, y \in \mathbb{R}", "g(x, y) = 2x + y^8", @"\nabla g(x,y) = [1, 7y^8]")], 20240607u)[0];

        Assert.Equal("refuted", r.GetProperty("verdict").GetString());
        var c = r.GetProperty("counterexample");
        Assert.Equal(2, c.GetProperty("expectedEntry").GetDouble(), 6);
        Assert.Equal(1, c.GetProperty("claimedEntry").GetDouble(), 12);
        Assert.True(c.GetProperty("point").TryGetProperty("y", out _));
    }
}
