using System.Text;
using Bookish.Model;

namespace Bookish.Calculus;

/// <summary>
/// Expands a document's macros (front matter <c>macros:</c> and the notation file's) in a claim, as TeX would:
/// <c>\vx</c> → <c>\mathbf{x}</c>, <c>\norm{#1}</c> with its argument. The checker then sees what the reader sees.
/// </summary>
internal static class MacroExpander
{
    private const int MaxRounds = 16;
    private const int MaxLength = 200_000;

    public static string Expand(string tex, IReadOnlyList<MacroDefinition> macros)
    {
        if (macros.Count == 0 || string.IsNullOrEmpty(tex) || tex.IndexOf('\\') < 0) return tex;
        var byName = new Dictionary<string, MacroDefinition>(StringComparer.Ordinal);
        foreach (var m in macros) byName[m.Name.TrimStart('\\')] = m;
        for (int round = 0; round < MaxRounds; round++)
        {
            var (next, changed) = Once(tex, byName);
            if (!changed || next.Length > MaxLength) return next.Length > MaxLength ? tex : next;
            tex = next;
        }
        return tex;
    }

    private static (string Text, bool Changed) Once(string s, Dictionary<string, MacroDefinition> macros)
    {
        var sb = new StringBuilder(s.Length);
        bool changed = false;
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] != '\\' || i + 1 >= s.Length) { sb.Append(s[i++]); continue; }
            if (!char.IsAsciiLetter(s[i + 1])) { sb.Append(s, i, 2); i += 2; continue; }
            int j = i + 1;
            while (j < s.Length && char.IsAsciiLetter(s[j])) j++;
            string name = s[(i + 1)..j];
            if (!macros.TryGetValue(name, out var m)) { sb.Append(s, i, j - i); i = j; continue; }
            var args = new List<string>();
            int k = j;
            for (int a = 0; a < m.Arguments; a++)
            {
                while (k < s.Length && char.IsWhiteSpace(s[k])) k++;
                if (k >= s.Length) break;
                if (s[k] == '{')
                {
                    int depth = 0, start = k;
                    for (; k < s.Length; k++)
                    {
                        if (s[k] == '\\') { k++; continue; }
                        if (s[k] == '{') depth++;
                        else if (s[k] == '}' && --depth == 0) { k++; break; }
                    }
                    args.Add(s[(start + 1)..Math.Max(start + 1, k - 1)]);
                }
                else if (s[k] == '\\')
                {
                    int e = k + 1;
                    while (e < s.Length && char.IsAsciiLetter(s[e])) e++;
                    if (e == k + 1) e++;
                    args.Add(s[k..Math.Min(e, s.Length)]);
                    k = e;
                }
                else args.Add(s[k++].ToString());
            }
            string body = m.Body;
            for (int a = args.Count; a >= 1; a--) body = body.Replace("#" + a, args[a - 1], StringComparison.Ordinal);
            // A macro name followed by a letter must stay separated from it.
            sb.Append(body);
            if (k < s.Length && char.IsAsciiLetter(s[k]) && body.Length > 0 && char.IsAsciiLetter(body[^1]) && body.Contains('\\')) sb.Append(' ');
            i = k;
            changed = true;
        }
        return (sb.ToString(), changed);
    }
}
