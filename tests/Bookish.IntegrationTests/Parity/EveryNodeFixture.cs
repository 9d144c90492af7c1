using Xunit;
using Bookish.Checks.Parity;
using Bookish.Model;

namespace Bookish.IntegrationTests.Parity;

/// <summary>The every-node test document built once, correctly; faulty variants are built from the same input.</summary>
public sealed class EveryNodeFixture : IAsyncLifetime
{
    internal static readonly IReadOnlyList<NotationRow> Rows =
    [
        new("\\vx", "the input vector, an uncharacteristically interdisciplinary internationalization of counterrevolutionaries", "vector", "n \\times 1", "input vector", "sec:prose"),
        new("w", "the weights", "vector", "n", "weights", null),
        new("b", "the bias term", "scalar", null, "bias", null),
    ];

    internal ParityBuild.Output Good { get; private set; } = null!;
    internal ParityReport GoodReport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Good = await ParityBuild.BuildAsync(Repo.EveryNode, Path.Combine(Repo.Scratch, "every-node-good"), Rows);
        GoodReport = ParityChecker.Compare(Good.HtmlPath, Good.PdfPath);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The same document with a fault in the LaTeX only: the HTML is the good one.</summary>
    internal async Task<ParityReport> PdfFaultAsync(string name, Func<string, string> fault)
    {
        var output = await ParityBuild.BuildAsync(Repo.EveryNode, Path.Combine(Repo.Scratch, "pdf-fault-" + name), Rows, fault, Good.HtmlPath);
        return ParityChecker.Compare(output.HtmlPath, output.PdfPath);
    }
}

[CollectionDefinition("every-node")]
public sealed class EveryNodeCollection : ICollectionFixture<EveryNodeFixture>;
