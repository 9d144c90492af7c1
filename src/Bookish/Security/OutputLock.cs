using System.Diagnostics;

namespace Bookish.Security;

/// <summary>
/// One build at a time per output folder: an exclusive lock (<c>flock</c> through <see cref="FileShare.None"/>) on
/// <c>.&lt;name&gt;.lock</c> beside the output folder, holding the owner's process id. A second build waits (bounded) and
/// then refuses. The lock file is removed when the build ends.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;

    private OutputLock(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    public static string PathFor(string output) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(output)!, $".{System.IO.Path.GetFileName(output)}.lock");

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/>; null (with the holder's words in <paramref name="holder"/>) when it stays taken.</summary>
    public static async Task<OutputLock?> AcquireAsync(string output, TimeSpan wait, Action<string>? waiting, CancellationToken ct)
    {
        var path = PathFor(output);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var watch = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                stream.SetLength(0);
                var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId + "\n");
                stream.Write(pid);
                stream.Flush();
                return new OutputLock(path, stream);
            }
            catch (IOException) when (watch.Elapsed < wait)
            {
                if (!told) { waiting?.Invoke(path); told = true; }
                await Task.Delay(100, ct);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public void Dispose()
    {
        // Unlink first, then release: a waiting build that opened the old file retries on the new one.
        try { File.Delete(Path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        _stream.Dispose();
    }
}
