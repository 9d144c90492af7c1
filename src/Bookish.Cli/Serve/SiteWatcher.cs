using System.Threading.Channels;

namespace Bookish.Cli.Serve;

/// <summary>
/// Watches the project folder (document, chapters, notation, bibliography, images, the document's templates) and
/// Bookish's own templates, and hands over the changed paths in batches once saving has been quiet for
/// <see cref="Quiet"/>: two saves 10 ms apart, or an editor's write-to-temp-then-rename, make one rebuild. Hidden
/// folders and files (.git, .bookish-cache, staging folders), editor back-ups and the output folder are ignored.
/// </summary>
internal sealed class SiteWatcher : IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(40);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<IReadOnlyCollection<string>> _batches = Channel.CreateUnbounded<IReadOnlyCollection<string>>();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private readonly string[] _ignored;
    private readonly string[] _roots;
    private readonly Lock _gate = new();

    public SiteWatcher(IEnumerable<string> folders, IEnumerable<string> ignoredFolders)
    {
        _ignored = ignoredFolders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).ToArray();
        _timer = new Timer(_ => Flush());
        _roots = folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).Distinct().OrderByDescending(f => f.Length).ToArray();
        foreach (var folder in _roots.Where(Directory.Exists))
        {
            var w = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                InternalBufferSize = 64 * 1024,
            };
            w.Changed += (_, e) => Touch(e.FullPath);
            w.Created += (_, e) => Touch(e.FullPath);
            w.Deleted += (_, e) => Touch(e.FullPath);
            w.Renamed += (_, e) => { Touch(e.OldFullPath); Touch(e.FullPath); };
            // Events were lost (buffer overflow) or the folder went away: rebuild everything.
            w.Error += (_, _) => Touch("");
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }
    }

    /// <summary>Batches of changed full paths ("" in a batch: something was missed, rebuild everything).</summary>
    public ChannelReader<IReadOnlyCollection<string>> Batches => _batches.Reader;

    /// <summary>Whether a change to this path should rebuild (false for hidden files and folders, back-ups, the output).</summary>
    internal bool Matters(string path)
    {
        if (path.Length == 0) return true;
        foreach (var ignored in _ignored)
            if (path == ignored || path.StartsWith(ignored + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return false;
        // Hidden parts count below the watched folder only (the project itself may sit in a hidden folder).
        var below = _roots.FirstOrDefault(r => path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal)) is { } root ? path[(root.Length + 1)..] : path;
        foreach (var part in below.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            if (part.StartsWith('.') || part.EndsWith('~') || part.EndsWith(".swp", StringComparison.Ordinal) || part.EndsWith(".swx", StringComparison.Ordinal)
                || part == "4913" || part.StartsWith(".#", StringComparison.Ordinal) || part == "__pycache__")
                return false;
        return true;
    }

    private void Touch(string path)
    {
        if (!Matters(path)) return;
        lock (_gate)
        {
            _pending.Add(path);
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            batch = [.. _pending];
            _pending.Clear();
        }
        _batches.Writer.TryWrite(batch);
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
        _batches.Writer.TryComplete();
    }
}
