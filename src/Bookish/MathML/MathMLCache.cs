using System.Security.Cryptography;
using System.Text;

namespace Bookish.MathML;

/// <summary>
/// Converted MathML on disk beside the equation cache, one file per equation (<c>mathml/ab/&lt;key&gt;.xml</c>), keyed by the
/// equation's own key (its TeX, mode and the whole preamble with the author's macros) and KaTeX's build. A rejection is
/// kept too (an empty file), so a warm build runs no JavaScript at all. Entries are written atomically and cleaned again
/// when read.
/// </summary>
internal sealed class MathMLCache(string directory)
{
    private const string Rejected = "";

    public static string KeyOf(string fragmentKey) =>
        System.Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("bookish-mathml-v1\0" + KatexEngine.Version + "\0" + fragmentKey)))[..32];

    private string PathOf(string key) => Path.Combine(directory, "mathml", key[..2], key + ".xml");

    /// <summary>Whether an entry exists; <paramref name="mathml"/> is null for a kept rejection.</summary>
    public bool TryLoad(string key, out string? mathml)
    {
        mathml = null;
        try
        {
            var path = PathOf(key);
            if (!File.Exists(path)) return false;
            var text = File.ReadAllText(path);
            if (text == Rejected) return true;
            mathml = MathMLSanitizer.Clean(text);
            return mathml is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Store(string key, string? mathml)
    {
        var path = PathOf(key);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temp, mathml ?? Rejected);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
        }
    }
}
