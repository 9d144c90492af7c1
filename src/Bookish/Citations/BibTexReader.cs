using System.Collections.Immutable;
using System.Text;
using Bookish.Diagnostics;
using Bookish.Text;

namespace Bookish.Citations;

/// <summary>Reads a BibTeX file: <c>@type{key, field = {value} | "value" | number, …}</c>; errors are diagnostics.</summary>
internal static class BibTexReader
{
    public static IReadOnlyList<BibEntry> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var entries = new List<BibEntry>();
        var i = 0;
        while ((i = text.IndexOf('@', i)) >= 0)
        {
            var start = i;
            i++;
            var typeEnd = i;
            while (typeEnd < text.Length && char.IsLetter(text[typeEnd])) typeEnd++;
            var type = text[i..typeEnd].ToLowerInvariant();
            i = typeEnd;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || (text[i] != '{' && text[i] != '('))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.Bibliography, source.Span(start, start), $"expected '{{' after @{type}"));
                continue;
            }
            if (type is "comment" or "preamble" or "string") { i = SkipGroup(text, i); continue; }
            i++;
            var comma = text.IndexOf(',', i);
            if (comma < 0) break;
            var key = text[i..comma].Trim();
            i = comma + 1;
            var fields = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            while (i < text.Length)
            {
                while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ',')) i++;
                if (i >= text.Length || text[i] == '}' || text[i] == ')') { i++; break; }
                var eq = text.IndexOf('=', i);
                if (eq < 0) { i = text.Length; break; }
                var name = text[i..eq].Trim().ToLowerInvariant();
                i = eq + 1;
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                string value;
                if (i < text.Length && text[i] == '{') { var end = SkipGroup(text, i); value = text[(i + 1)..(end - 1)]; i = end; }
                else if (i < text.Length && text[i] == '"') { var end = text.IndexOf('"', i + 1); if (end < 0) end = text.Length - 1; value = text[(i + 1)..end]; i = end + 1; }
                else { var end = i; while (end < text.Length && text[end] != ',' && text[end] != '}' && text[end] != '\n') end++; value = text[i..end].Trim(); i = end; }
                fields[name] = Clean(value);
            }
            if (key.Length == 0) diagnostics.Add(Diagnostic.Error(DiagnosticIds.Bibliography, source.Span(start, start), "a BibTeX entry without a key"));
            else entries.Add(new BibEntry(type, key, fields.ToImmutable()));
        }
        return entries;
    }

    private static int SkipGroup(string text, int i)
    {
        var depth = 0;
        for (; i < text.Length; i++)
        {
            if (text[i] == '{' || text[i] == '(') depth++;
            else if (text[i] == '}' || text[i] == ')') { depth--; if (depth == 0) return i + 1; }
        }
        return text.Length;
    }

    private static readonly (string Tex, string Text)[] Accents =
    [
        (@"\""a", "ä"), (@"\""o", "ö"), (@"\""u", "ü"), (@"\""A", "Ä"), (@"\""O", "Ö"), (@"\""U", "Ü"), (@"\'e", "é"), (@"\'a", "á"),
        (@"\'o", "ó"), (@"\'i", "í"), (@"\`e", "è"), (@"\`a", "à"), (@"\^o", "ô"), (@"\~n", "ñ"), (@"\c{c}", "ç"), (@"\ss", "ß"), (@"\&", "&"), ("--", "–"),
    ];

    /// <summary>Field text without braces and with common TeX accents as Unicode.</summary>
    private static string Clean(string value)
    {
        var sb = new StringBuilder(value);
        foreach (var (tex, ch) in Accents) sb.Replace("{" + tex + "}", ch).Replace(tex, ch);
        return string.Join(' ', sb.ToString().Replace("{", "").Replace("}", "").Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
