using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Equations;

/// <summary>
/// What changes an equation's picture besides its TeX string, for the cache key (<see cref="MathFragment.KeyOf"/>):
/// the renderer's own TeX around each fragment (the wrapper's macros, the measure displays with <c>\intertext</c> are
/// typeset at, the row marker) and the files a fragment includes (<c>\includegraphics</c> in a raw block). The settings
/// (preamble with packages and macros, engine, TeX installation, font size) are keyed by <see cref="MathSettings"/> itself.
/// </summary>
internal static partial class PictureInputs
{
    /// <summary>The signature of the renderer's TeX around the fragments: any change to it re-renders every equation.</summary>
    public static readonly string Renderer = RendererOf(TexBatchRenderer.WrapperMacros, MathTex.TextMeasureEm, MathTex.NumberedTextMeasureEm, MathTex.RowMarker);

    internal static string RendererOf(string wrapperMacros, double measureEm, double numberedMeasureEm, string rowMarker) =>
        Digest(string.Join("\u0000", wrapperMacros, measureEm.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            numberedMeasureEm.ToString("R", System.Globalization.CultureInfo.InvariantCulture), rowMarker));

    [GeneratedRegex(@"\\includegraphics\s*(?:\[[^\]]*\]\s*)?\{([^{}]+)\}")] private static partial Regex IncludeGraphics();

    private static readonly string[] GraphicsExtensions = ["", ".pdf", ".png", ".jpg", ".jpeg", ".eps"];
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> FileDigests = new();

    /// <summary>The contents of the files <paramref name="tex"/> includes (found in <paramref name="directory"/> as TeX finds them), as one digest; "" when none.</summary>
    public static string Files(string tex, string? directory)
    {
        if (directory is null || !tex.Contains("\\includegraphics", StringComparison.Ordinal)) return "";
        var sb = new StringBuilder();
        foreach (Match m in IncludeGraphics().Matches(tex))
        {
            var name = m.Groups[1].Value.Trim();
            foreach (var ext in GraphicsExtensions)
            {
                string path;
                try { path = Path.GetFullPath(Path.Combine(directory, name + ext)); }
                catch (ArgumentException) { break; }
                var info = new FileInfo(path);
                if (!info.Exists) continue;
                sb.Append(name).Append('=').Append(FileDigests.GetOrAdd((path, info.Length, info.LastWriteTimeUtc), k => Digest(File.ReadAllBytes(k.Path)))).Append(';');
                break;
            }
        }
        return sb.ToString();
    }

    private static string Digest(string text) => Digest(Encoding.UTF8.GetBytes(text));
    private static string Digest(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
}
