namespace Bookish.Cli;

/// <summary>Exit codes: 0 success, 1 error diagnostics, 2 bad usage or bad input file, 3 a required program is missing.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Errors = 1;
    public const int Usage = 2;
    public const int MissingTool = 3;
}
