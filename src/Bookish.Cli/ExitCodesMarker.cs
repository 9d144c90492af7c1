namespace Bookish.Cli;

/// <summary>A public type tests use to locate the CLI assembly.</summary>
public static class ExitCodesMarker;
