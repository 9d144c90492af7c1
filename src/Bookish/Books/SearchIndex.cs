using System.Security.Cryptography;
using System.Text;
using Jint;

namespace Bookish.Books;

/// <summary>
/// The book's Lunr index, built at build time: Debian's lunr.min.js (the very file the pages load) and
/// templates/book-search.js (the tokenizer and pipeline both sides share) run in Jint, and
/// <c>JSON.stringify(bookishSearch.build(docs))</c> is what the page loads with <c>lunr.Index.load</c>. The same
/// documents, library and shared script give the same bytes; a content-addressed cache skips Jint on a rebuild.
/// </summary>
internal static class SearchIndex
{
    /// <summary>The serialized index of the documents (JSON), from the cache when the same inputs built it before.</summary>
    /// <param name="cacheFolder">Where built indexes are kept (under <c>search/</c>); null: no cache.</param>
    public static string Build(string docsJson, string lunrPath, string sharedScriptPath, string? cacheFolder)
    {
        var lunr = File.ReadAllText(lunrPath);
        var shared = File.ReadAllText(sharedScriptPath);
        var path = cacheFolder is null ? null : Path.Combine(cacheFolder, "search", Key(lunr, shared, docsJson) + ".json");
        if (path is not null && TryRead(path) is { } cached) return cached;
        var index = Run(docsJson, lunr, shared);
        if (path is not null) TryWrite(path, index);
        return index;
    }

    /// <summary>Runs Lunr in Jint over the documents; throws <see cref="InvalidOperationException"/> when the script fails (a bug, not bad input).</summary>
    internal static string Run(string docsJson, string lunr, string shared) =>
        // Jint recursion is deep in .NET frames: a large stack, as for every recursive work over document text.
        Security.DeepStack.Run(() => RunOnThisThread(docsJson, lunr, shared));

    private static string RunOnThisThread(string docsJson, string lunr, string shared)
    {
        var engine = new Engine(o => o.TimeoutInterval(TimeSpan.FromMinutes(2)).LimitRecursion(1000));
        try
        {
            engine.Execute(lunr, "lunr.min.js");
            engine.Execute(shared, "book-search.js");
            engine.SetValue("bookishDocsJson", docsJson);
            return engine.Evaluate("JSON.stringify(bookishSearch.build(JSON.parse(bookishDocsJson)))").AsString();
        }
        catch (Exception e) when (e.GetType().Assembly == typeof(Engine).Assembly)
        {
            throw new InvalidOperationException("building the search index in Jint failed: " + e.Message, e);
        }
    }

    internal static string Key(string lunr, string shared, string docsJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { "bookish-search-1", lunr, shared, docsJson })
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static string? TryRead(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static void TryWrite(string path, string index)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
            File.WriteAllText(temp, index);
            File.Move(temp, path, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
