namespace Bookish.Toolchain;

/// <summary>The real toolchain: programs found on PATH, run through CliWrap (<see cref="ProcessRunner"/>), sandboxed by <see cref="TexSandbox"/>.</summary>
internal sealed class CliToolchain : IToolchain
{
    public static CliToolchain Shared { get; } = new();

    public Task<ProcessResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken = default)
    {
        var options = new ProcessOptions { OnOutputLine = invocation.OnOutputLine, Stop = invocation.Stop };
        return invocation.Sandboxed
            ? TexSandbox.RunAsync(invocation.Tool, invocation.Arguments, invocation.WorkDirectory, invocation.Timeout, invocation.Variables,
                invocation.ReadOnly, cancellationToken, invocation.LineBuffered, options)
            : ProcessRunner.RunAsync(invocation.Tool, invocation.Arguments, invocation.WorkDirectory, invocation.Timeout, invocation.Variables,
                cancellationToken, invocation.LineBuffered, options);
    }

    public string Identity => Equations.TexFormat.ToolchainIdentity;
}
