using Markdig.Helpers;
using Markdig.Parsers;

namespace Bookish.Reading.Syntax;

/// <summary>
/// A bare <c>@key</c>: not after a letter or digit (so <c>ann@example.org</c> stays an address), not a cross-reference
/// prefix (<c>@eq:x</c>, read by the reference finder), and not escaped (<c>\@key</c> is text).
/// </summary>
internal sealed class CitationKeyInlineParser : InlineParser
{
    public CitationKeyInlineParser() => OpeningCharacters = ['@'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var before = slice.PeekCharExtra(-1);
        if (char.IsLetterOrDigit(before) || before is '@' or '_' or '.' or '/' or '\\') return false;
        var length = CitationKeys.Length(text, start + 1, slice.End);
        if (length == 0) return false;
        var key = text.Substring(start + 1, length);
        if (CitationKeys.IsReference(key)) return false;
        InlineEmit.Place(processor, ref slice, new CitationKeySyntax { Key = key }, start, start + length);
        return true;
    }
}
