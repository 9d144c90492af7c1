using Bookish.Diagnostics;
using Bookish.Security;
using Bookish.Text;

namespace Bookish.Pipeline;

/// <summary>
/// Stage 6, the only code that writes under the output folder: every staged file goes into a staging folder beside
/// the target, which then replaces it in one move; a failed or cancelled build leaves the previous output whole.
/// </summary>
internal static class PublishStage
{
    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(string output, StagedFiles staged, Action<string>? beforeSwap, CancellationToken ct)
    {
        var diagnostics = new DiagnosticBag();
        var staging = TempFolders.Beside(output, "staging");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (relative, bytes) in staged.Files)
            {
                if (StagedPath(staging, relative, diagnostics) is not { } path) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, bytes, ct);
            }
            foreach (var (relative, source) in staged.Copies)
            {
                if (StagedPath(staging, relative, diagnostics) is not { } path) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(source, path, true);
            }
            beforeSwap?.Invoke(staging);
            ct.ThrowIfCancellationRequested();
            Swap(staging, output);
        }
        catch
        {
            TempFolders.Delete(staging);
            throw;
        }
        return diagnostics.ToList();
    }

    private static void Swap(string staging, string output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        var old = TempFolders.Beside(output, "old");
        Directory.Move(output, old);
        Directory.Move(staging, output);
        TempFolders.Delete(old);
    }

    /// <summary>A file name derived from the document, placed in the staging folder: null (and an error) when it would leave it.</summary>
    private static string? StagedPath(string staging, string relative, DiagnosticBag diagnostics)
    {
        var path = Path.GetFullPath(Path.Combine(staging, relative));
        if (!Path.IsPathRooted(relative) && ProjectPaths.IsInside(staging, path) && path != staging) return path;
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.OutputNameRefused, SourceSpan.None with { Path = relative }, $"'{relative}' would be written outside the output folder; not written"));
        return null;
    }
}
