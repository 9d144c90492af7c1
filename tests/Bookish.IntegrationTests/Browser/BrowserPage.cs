using Microsoft.Playwright;

namespace Bookish.IntegrationTests.Browser;

/// <summary>A page in its own browser context; disposing closes the context.</summary>
public sealed class BrowserPage(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public Task<T> Eval<T>(string script, object? arg = null) => Page.EvaluateAsync<T>(script, arg);

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
