namespace Bookish.Cli;

/// <summary>Exit codes: 0 success, 1 error diagnostics, 2 bad usage or bad input file, 3 a required program is missing.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Errors = 1;
    public const int Usage = 2;
    public const int MissingTool = 3;
    /// <summary>A bug in Bookish (an exception no input should cause): one line, the stack trace only with BOOKISH_TRACE.</summary>
    public const int Internal = 70;

    /// <summary>The exit code of a build or check: from how it ended, never from which diagnostics it printed.</summary>
    public static int For(Bookish.Publishing.BuildKind kind) => kind switch
    {
        Bookish.Publishing.BuildKind.Succeeded => Success,
        Bookish.Publishing.BuildKind.BadInput => Usage,
        _ => Errors,
    };
}
