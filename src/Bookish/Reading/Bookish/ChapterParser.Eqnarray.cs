using System.Text.RegularExpressions;

namespace Bookish.Reading;

internal sealed partial class ChapterParser
{
    [GeneratedRegex(@"(?<!\\)\\\\(?:\[[^\]]*\])?")] private static partial Regex RowEnd();

    /// <summary>
    /// bookish accepted eqnarray-style alignment directly in <c>\[ … \]</c> (<c>a &amp;=&amp; b \\ &amp;=&amp; c</c>, one
    /// row or many), which LaTeX refuses in a display: such a body becomes <c>aligned</c>, aligned at the relation
    /// (each row's second <c>&amp;</c> dropped), as eqnarray aligns it. Bodies with an environment of their own are left alone.
    /// </summary>
    internal static string EqnarrayStyle(string tex)
    {
        if (!tex.Contains('&') || tex.Contains(@"\begin", StringComparison.Ordinal)) return tex;
        var rows = RowEnd().Split(tex).ToList();
        var separators = RowEnd().Matches(tex).Select(m => m.Value).ToList();
        static int Tabs(string row) => Regex.Count(row, @"(?<!\\)&");
        if (rows.Any(r => Tabs(r) > 2) || rows.All(r => Tabs(r) == 0)) return tex;
        var rebuilt = new System.Text.StringBuilder(@"\begin{aligned}");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (Tabs(row) == 2)
            {
                var second = Regex.Matches(row, @"(?<!\\)&")[1].Index;
                // A control word before it ('\leq&') must stay apart from what follows.
                row = second > 0 && char.IsAsciiLetter(row[second - 1]) && second + 1 < row.Length && char.IsAsciiLetter(row[second + 1])
                    ? row.Remove(second, 1).Insert(second, " ") : row.Remove(second, 1);
            }
            rebuilt.Append(row);
            if (i < separators.Count) rebuilt.Append(separators[i]);
        }
        return rebuilt.Append(@"\end{aligned}").ToString();
    }
}
