namespace Bookish.Toolchain;

/// <summary>
/// With <c>BOOKISH_TRACE</c> set, prints to stderr when each stage of a build starts and ends, in milliseconds since the
/// process started (the numbers behind the README's timings). Off, it costs one boolean test.
/// </summary>
internal static class PerfTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("BOOKISH_TRACE") is not null;
    private static DateTime? _start;

    public static void Mark(string what)
    {
        if (!On) return;
        _start ??= System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();
        Console.Error.WriteLine($"trace {(DateTime.UtcNow - _start.Value).TotalMilliseconds,7:0} ms [{Environment.CurrentManagedThreadId}] {what}");
    }
}
