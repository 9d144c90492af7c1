using CliWrap;
using CliWrap.Buffered;

namespace Bookish.IntegrationTests.Support;

/// <summary>Runs the real bookish CLI (the built Bookish.Cli.dll) as a process.</summary>
internal static class BookishProcess
{
    public static string Dll => typeof(Bookish.Cli.ExitCodesMarker).Assembly.Location;

    public static async Task<BufferedCommandResult> RunAsync(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Dll, .. args])
            .WithWorkingDirectory(workingDirectory ?? Repo.Root)
            .WithEnvironmentVariables((environment ?? new Dictionary<string, string?>()).ToDictionary())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cts.Token);
    }
}
