using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Toolchain;

/// <summary>An error from a TeX log: TeX's own words from the <c>!</c> line to <c>l.N</c>, and the line number.</summary>
public sealed record TexError(string Message, int Line, int LogPosition);

/// <summary>Parses TeX logs: errors with their context, and marker lines the batch writes with \typeout.</summary>
public static partial class TexLog
{
    [GeneratedRegex(@"^l\.(\d+)(.*)$")] private static partial Regex LineRef();

    public static IReadOnlyList<TexError> Errors(string log)
    {
        var lines = log.Replace("\r", "").Split('\n');
        var errors = new List<TexError>();
        var position = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var lineStart = position;
            position += lines[i].Length + 1;
            if (!lines[i].StartsWith('!')) continue;
            if (lines[i].Contains("==> Fatal error occurred")) continue;
            var message = new StringBuilder(lines[i].TrimStart('!', ' '));
            var texLine = 0;
            for (var j = i + 1; j < lines.Length && j < i + 12; j++)
            {
                var m = LineRef().Match(lines[j]);
                if (m.Success)
                {
                    texLine = int.Parse(m.Groups[1].Value);
                    var tokens = m.Groups[2].Value.Trim();
                    if (tokens.Length > 0) message.Append(" (at: ").Append(tokens.Length > 60 ? tokens[^60..] : tokens).Append(')');
                    break;
                }
                if (lines[j].StartsWith('!')) break;
            }
            errors.Add(new TexError(message.ToString().Trim(), texLine, lineStart));
        }
        return errors;
    }

    /// <summary>The TeX error message with the offending token line (e.g. <c>! Undefined control sequence.</c> + <c>\foo</c>).</summary>
    public static string Describe(string log, TexError error)
    {
        var lines = log[error.LogPosition..].Replace("\r", "").Split('\n');
        var sb = new StringBuilder(lines[0].Trim());
        for (var j = 1; j < lines.Length && j < 12; j++)
        {
            var l = lines[j];
            if (l.StartsWith("l.", StringComparison.Ordinal))
            {
                var token = LineRef().Match(l) is { Success: true } m ? m.Groups[2].Value.Trim() : l;
                if (token.Length > 0) sb.Append(' ').Append(token.Length > 80 ? "…" + token[^80..] : token);
                break;
            }
            if (l.StartsWith('!')) break;
        }
        return sb.ToString();
    }
}
