using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Bookish.IntegrationTests.Support;
using CliWrap.Buffered;
using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// One hostile document in a folder of its own, with a secret beside it that the document must never reach:
/// <c>secret/canary.txt</c> (outside the project) and an environment variable of the bookish process. After a build,
/// <see cref="AssertContained"/> checks that neither secret appears in any output byte (PDF streams inflated, PDF text
/// extracted), in what bookish printed, nor anywhere else, and that nothing was written outside the output folder.
/// </summary>
internal sealed class HostileCase : IDisposable
{
    public const string CanaryVariable = "BOOKISH_CANARY_SECRET";

    /// <summary>Letters only, so it survives TeX typesetting and text extraction alike.</summary>
    public string CanaryText { get; } = "FileCanary" + Guid.NewGuid().ToString("N")[..12].Replace('0', 'q').Replace('1', 'z');

    public string CanaryValue { get; } = "EnvCanary" + Guid.NewGuid().ToString("N")[..12].Replace('0', 'q').Replace('1', 'z');

    public string Root { get; }
    public string Project => Path.Combine(Root, "project");
    public string Output => Path.Combine(Root, "out");
    public string Cache => Path.Combine(Root, "cache");
    public string Secret => Path.Combine(Root, "secret", "canary.txt");

    private Dictionary<string, string>? _before;

    public HostileCase()
    {
        Root = Repo.TempDirectory("bookish-hostile-");
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Path.GetDirectoryName(Secret)!);
        File.WriteAllText(Secret, CanaryText + "\n");
    }

    /// <summary>Writes a file of the project (relative path) and returns its full path.</summary>
    public string Write(string relative, string text)
    {
        var path = Path.Combine(Project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
    {
        public string Printed => StandardOutput + "\n" + StandardError;
    }

    /// <summary>Runs <c>bookish build</c> on <paramref name="input"/> (relative to the project) into <see cref="Output"/>, with the canary variable set.</summary>
    public Task<Outcome> BuildAsync(string input = "index.md", params string[] extra) =>
        RunAsync(["build", Path.Combine(Project, input), "-o", Output, "--cache-dir", Cache, .. extra]);

    /// <summary>Runs any bookish command with the canary variable set, from the project folder.</summary>
    public async Task<Outcome> RunAsync(string[] args, TimeSpan? limit = null)
    {
        _before ??= Snapshot();
        var watch = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(2));
        var r = await BookishProcess.Command(args)
            .WithWorkingDirectory(Project)
            .WithEnvironmentVariables(new Dictionary<string, string?> { [CanaryVariable] = CanaryValue })
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteBufferedAsync(cts.Token);
        return new Outcome(r.ExitCode, r.StandardOutput, r.StandardError, watch.Elapsed);
    }

    /// <summary>Neither secret anywhere; nothing written outside the output and cache folders; no stack trace printed.</summary>
    public void AssertContained(Outcome outcome)
    {
        Assert.DoesNotContain("   at ", outcome.StandardError);
        Assert.DoesNotContain("Unhandled exception", outcome.StandardError);
        foreach (var secret in new[] { CanaryText, CanaryValue })
        {
            Assert.DoesNotContain(secret, outcome.Printed);
            foreach (var file in Files(Output).Concat(Files(Cache)))
                Assert.False(Leaks(file, secret), $"{file} contains a secret");
        }
        var before = _before ?? [];
        var after = Snapshot();
        foreach (var (path, stamp) in after)
        {
            if (IsUnder(path, Output) || IsUnder(path, Cache)) continue;
            Assert.True(before.TryGetValue(path, out var old) && old == stamp, $"{path} was written outside the output folder");
        }
        foreach (var path in before.Keys)
            Assert.True(after.ContainsKey(path), $"{path} was removed");
    }

    private Dictionary<string, string> Snapshot() =>
        Files(Root).ToDictionary(f => f, f => { var i = new FileInfo(f); return i.Exists ? $"{i.Length}:{i.LastWriteTimeUtc.Ticks}" : "link"; });

    private static IEnumerable<string> Files(string dir)
    {
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .Where(p => !Directory.Exists(p) || new DirectoryInfo(p).LinkTarget is not null);
    }

    private static bool IsUnder(string path, string dir) =>
        path == dir || path.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The secret in the file's bytes, in any inflated stream of it, or in a PDF's extracted text.</summary>
    public static bool Leaks(string file, string secret)
    {
        if (new FileInfo(file).LinkTarget is not null || !File.Exists(file)) return false;
        var bytes = File.ReadAllBytes(file);
        if (Contains(bytes, secret)) return true;
        foreach (var inflated in InflatedStreams(bytes))
            if (Contains(inflated, secret)) return true;
        if (file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var pdf = PdfDocument.Open(bytes);
                var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
                if (text.Contains(secret, StringComparison.Ordinal)) return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An unreadable PDF has no text to leak through extraction; its bytes were searched above.
            }
        }
        return false;
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0
        || Encoding.Latin1.GetString(haystack).Replace("\n", "").Replace(" ", "").Contains(needle, StringComparison.Ordinal);

    /// <summary>Every zlib stream (PDF <c>stream … endstream</c>, and any zlib header) in the bytes, inflated.</summary>
    private static IEnumerable<byte[]> InflatedStreams(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        for (var at = text.IndexOf("stream", StringComparison.Ordinal); at >= 0; at = text.IndexOf("stream", at + 6, StringComparison.Ordinal))
        {
            var start = at + 6;
            if (start < text.Length && text[start] == '\r') start++;
            if (start < text.Length && text[start] == '\n') start++;
            else continue;
            var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0) break;
            byte[]? inflated = null;
            try
            {
                using var input = new MemoryStream(bytes, start, end - start);
                using var z = new ZLibStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream();
                z.CopyTo(output);
                inflated = output.ToArray();
            }
            catch (InvalidDataException) { }
            if (inflated is not null) yield return inflated;
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
