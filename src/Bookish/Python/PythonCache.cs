using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bookish.Python;

/// <summary>
/// The freeze cache: a cell's results stored under the hash of its code, the code before it in its program and the
/// interpreter and package versions (<see cref="PythonEnvironment.Fingerprint"/>). Written atomically; an unreadable
/// entry is a miss.
/// </summary>
internal sealed class PythonCache(string folder)
{
    public string Folder { get; } = Path.Combine(folder, "python");

    public static string Key(string fingerprint, string group, string preceding, PythonRequest request)
    {
        var text = new StringBuilder()
            .Append(fingerprint).Append('\0').Append(group).Append('\0').Append(preceding).Append('\0')
            .Append(request.Kind).Append('\0').Append(request.Code).Append('\0').Append(request.Output).Append('\0')
            .Append(request.FigureSize is { } s ? string.Join(",", s) : "").Append('\0').Append(request.Timeout)
            .Append('\0').Append(request.ShowLastValue).Append('\0').Append(request.Style);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    private string PathOf(string key) => Path.Combine(Folder, key[..2], key + ".json");

    public PythonReply? Get(string key)
    {
        var path = PathOf(key);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), PythonJson.Default.PythonReply) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Put(string key, PythonReply reply)
    {
        try
        {
            var path = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
            File.WriteAllText(temp, JsonSerializer.Serialize(reply, PythonJson.Default.PythonReply));
            File.Move(temp, path, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs a re-run next time.
        }
    }
}
