namespace Bookish.Toolchain;

internal static class PerfTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("BOOKISH_TRACE") is not null;
    private static readonly DateTime Start = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();
    public static void Mark(string what)
    {
        if (On) Console.Error.WriteLine($"trace {(DateTime.UtcNow - Start).TotalMilliseconds,7:0} ms [{Environment.CurrentManagedThreadId}] {what}");
    }
}
