using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Pipeline;

/// <summary>Builds the content article once (HTML + PDF, real TeX) for the tests that inspect it.</summary>
public sealed class ContentArticleFixture : IAsyncLifetime
{
    public string Output { get; } = Path.Combine(Repo.TempDirectory(), "site");
    public BuildResult Result { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Result = await Publisher.BuildAsync(new BuildOptions(Repo.Content("vector-derivatives"))
        {
            OutputDirectory = Output,
            CacheDirectory = Path.Combine(Repo.TempDirectory(), "cache"),
            KeepTex = true,
        });

    public Task DisposeAsync() => Task.CompletedTask;
}
