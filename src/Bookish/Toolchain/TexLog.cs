using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Toolchain;

/// <summary>An error from a TeX log: TeX's own words from the <c>!</c> line to <c>l.N</c>, and the line number.</summary>
internal sealed record TexError(string Message, int Line, int LogPosition);

/// <summary>Parses TeX logs: errors with their context, and marker lines the batch writes with \typeout.</summary>
internal static partial class TexLog
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

    /// <summary>
    /// The TeX error message with the offending tokens (e.g. <c>! Undefined control sequence.</c> + <c>\foo</c>): the
    /// first half of TeX's first context line (what was read up to the error), else the <c>l.N</c> line.
    /// </summary>
    public static string Describe(string log, TexError error)
    {
        var lines = log[error.LogPosition..].Replace("\r", "").Split('\n');
        var sb = new StringBuilder(lines[0].Trim());
        string? context = null;
        for (var j = 1; j < lines.Length && j < 14; j++)
        {
            var l = lines[j];
            if (l.StartsWith('!')) break;
            if (context is null && l.StartsWith('<') && l.IndexOf("> ", StringComparison.Ordinal) is var gt and > 0)
                context = l[(gt + 2)..].Trim();
            if (l.StartsWith("l.", StringComparison.Ordinal))
            {
                var token = LineRef().Match(l) is { Success: true } m ? m.Groups[2].Value.Trim() : l;
                context ??= token;
                break;
            }
        }
        if (!string.IsNullOrWhiteSpace(context))
        {
            context = context.Replace("\\displaystyle", "").TrimStart('$', ' ');
            if (context.Length > 80) context = "…" + context[^80..];
            if (context.Length > 0) sb.Append(' ').Append(context);
        }
        return sb.ToString();
    }
}
