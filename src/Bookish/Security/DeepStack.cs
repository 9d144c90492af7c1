using System.Runtime.ExceptionServices;

namespace Bookish.Security;

/// <summary>
/// Runs recursive work over untrusted input (readers, checks) on a thread with a large stack, so that input nested
/// deeper than the readers' own limits ends in a diagnostic of theirs rather than a stack overflow, which no
/// handler can catch. The stack is reserved address space; only the pages used are committed.
/// </summary>
internal static class DeepStack
{
    public const int StackBytes = 256 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
        }, StackBytes) { IsBackground = true, Name = "bookish-deep" };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
