using Markdig.Helpers;
using Markdig.Parsers;

namespace Bookish.Reading.Syntax;

/// <summary>
/// LaTeX citations in prose, as natbib reads them: <c>\cite{a,b}</c> and <c>\citep{a}</c> (parenthetical),
/// <c>\citet{a}</c> (narrative); one optional argument is the note after (<c>\citep[p.~3]{a}</c>), two are the note
/// before and after (<c>\citep[see][ch.~2]{a}</c>).
/// </summary>
internal sealed class TexCiteInlineParser : InlineParser
{
    private static readonly (string Command, bool Narrative)[] Commands =
        [(@"\citep", false), (@"\citet", true), (@"\cite", false)];

    public TexCiteInlineParser() => OpeningCharacters = ['\\'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        foreach (var (command, narrative) in Commands)
        {
            if (string.CompareOrdinal(text, start, command, 0, command.Length) != 0) continue;
            var i = start + command.Length;
            if (i <= slice.End && char.IsLetter(text[i])) return false;
            var optional = new List<string>();
            while (i <= slice.End && text[i] == '[' && optional.Count < 2)
            {
                var close = text.IndexOf(']', i);
                if (close < 0 || close > slice.End) return false;
                optional.Add(text[(i + 1)..close].Replace('~', '\u00A0').Trim());
                i = close + 1;
            }
            if (i > slice.End || text[i] != '{') return false;
            var end = text.IndexOf('}', i);
            if (end < 0 || end > slice.End) return false;
            var keys = text[(i + 1)..end].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (keys.Length == 0) return false;
            var node = new TexCiteSyntax
            {
                Keys = keys,
                Narrative = narrative,
                Prefix = optional.Count == 2 ? optional[0] : "",
                Suffix = optional.Count switch { 1 => optional[0], 2 => optional[1], _ => "" },
            };
            InlineEmit.Place(processor, ref slice, node, start, end);
            return true;
        }
        return false;
    }
}
