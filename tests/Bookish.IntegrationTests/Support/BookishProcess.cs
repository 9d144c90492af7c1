using CliWrap;
using CliWrap.Buffered;

namespace Bookish.IntegrationTests.Support;

/// <summary>
/// Runs the real bookish CLI as a process: the command the launcher compiled to native code (.bookish-cli, what
/// <c>./bookish</c> runs) when it is at least as new as the built Bookish.Cli.dll, else that dll with <c>dotnet</c>.
/// <c>./bookish test</c> compiles it first, so the suite tests what users run.
/// </summary>
internal static class BookishProcess
{
    public static string Dll => typeof(Bookish.Cli.ExitCodesMarker).Assembly.Location;

    /// <summary>The launcher's compiled command, when it was made from the current build.</summary>
    public static string? Compiled
    {
        get
        {
            var exe = Path.Combine(Repo.Root, ".bookish-cli", "Bookish.Cli");
            return File.Exists(exe) && File.GetLastWriteTimeUtc(exe) >= File.GetLastWriteTimeUtc(Dll) ? exe : null;
        }
    }

    /// <summary>The program to start and the arguments that come before the command's own.</summary>
    public static (string Program, string[] Prefix) Start => Compiled is { } exe ? (exe, []) : ("dotnet", [Dll]);

    /// <summary>The CLI with <paramref name="args"/>, not yet started.</summary>
    public static Command Command(IEnumerable<string> args) => CliWrap.Cli.Wrap(Start.Program).WithArguments([.. Start.Prefix, .. args]);

    public static async Task<BufferedCommandResult> RunAsync(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await Command(args)
            .WithWorkingDirectory(workingDirectory ?? Repo.Root)
            .WithEnvironmentVariables((environment ?? new Dictionary<string, string?>()).ToDictionary())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cts.Token);
    }
}
