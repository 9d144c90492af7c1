using System.Text.Json;
using Bookish.Toolchain;

namespace Bookish.IntegrationTests.Epub;

/// <summary>One message of epubcheck's report: its id (RSC-005), severity and words, and where.</summary>
internal sealed record EpubCheckMessage(string Id, string Severity, string Message, string Where)
{
    public override string ToString() => $"{Severity}({Id}): {Where}: {Message}";
}

/// <summary>
/// Runs the real epubcheck (Debian package <c>epubcheck</c>, a Java program) on a book through the process seam, with
/// a timeout, and reads its JSON report. Debian installs it as an executable jar (<c>/usr/bin/epubcheck</c> links to
/// it), which needs binfmt support to start by itself; <c>java -jar</c> runs it everywhere.
/// </summary>
internal static class EpubCheck
{
    public static async Task<IReadOnlyList<EpubCheckMessage>> RunAsync(string epub)
    {
        var link = ProcessRunner.Find("epubcheck");
        var jar = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? link;
        var work = Directory.CreateTempSubdirectory("bookish-epubcheck-").FullName;
        var report = Path.Combine(work, "report.json");
        var result = await ProcessRunner.RunAsync("java", ["-jar", jar, epub, "--json", report], work, TimeSpan.FromMinutes(5));
        Assert.False(result.TimedOut, "epubcheck did not finish in 5 minutes");
        Assert.True(File.Exists(report), $"epubcheck wrote no report (exit {result.ExitCode}): {result.StandardError}{result.StandardOutput}");
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var messages = new List<EpubCheckMessage>();
        foreach (var m in json.RootElement.GetProperty("messages").EnumerateArray())
        {
            var where = m.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                ? $"{locations[0].GetProperty("path").GetString()}({locations[0].GetProperty("line").GetInt32()},{locations[0].GetProperty("column").GetInt32()})"
                : "";
            messages.Add(new EpubCheckMessage(m.GetProperty("ID").GetString()!, m.GetProperty("severity").GetString()!, m.GetProperty("message").GetString()!, where));
        }
        return messages;
    }

    /// <summary>No fatal error, error or warning (epubcheck's usage and info messages are advice, not faults).</summary>
    public static async Task AssertValidAsync(string epub)
    {
        var messages = await RunAsync(epub);
        var faults = messages.Where(m => m.Severity is "FATAL" or "ERROR" or "WARNING").ToList();
        Assert.True(faults.Count == 0, $"epubcheck on {Path.GetFileName(epub)}:\n" + string.Join("\n", faults.Take(30)));
    }
}
