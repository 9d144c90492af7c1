namespace Bookish.Reading.Syntax;

/// <summary>Pandoc's citation keys: a letter, digit or <c>_</c>, then letters, digits and internal punctuation.</summary>
internal static class CitationKeys
{
    private const string Internal = ":.#$%&-+?<>~/_";

    /// <summary>Prefixes that mark a cross-reference (<c>@eq:x</c>, <c>@thm:x</c>), read by the reference finder.</summary>
    public static readonly string[] ReferencePrefixes = ["eq:", "sec:", "fig:", "tbl:", "table:", "lst:", "thm:", "lem:", "cor:", "prp:", "def:", "exm:", "exr:", "sol:", "rem:", "cnj:"];

    /// <summary>Length of the key starting at <paramref name="start"/> (0 when none); trailing punctuation is not part of it.</summary>
    public static int Length(string text, int start, int end)
    {
        if (start > end || !(char.IsLetterOrDigit(text[start]) || text[start] == '_')) return 0;
        var i = start;
        var last = start;
        while (i <= end && (char.IsLetterOrDigit(text[i]) || Internal.Contains(text[i])))
        {
            if (char.IsLetterOrDigit(text[i]) || text[i] == '_') last = i;
            i++;
        }
        return last - start + 1;
    }

    public static bool IsReference(string key) => ReferencePrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
}
