using Markdig.Helpers;
using Markdig.Parsers;

namespace Bookish.Reading.Syntax;

/// <summary>
/// Pandoc's inline note <c>^[text]</c>: brackets inside balance, code spans and <c>$…$</c> math are skipped whole, a
/// backslash escapes the next character. Without its closing bracket, <c>^[</c> stays text.
/// </summary>
internal sealed class InlineNoteParser : InlineParser
{
    public InlineNoteParser() => OpeningCharacters = ['^'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        if (start + 1 > slice.End || text[start + 1] != '[') return false;
        var close = Close(text, start + 2, slice.End);
        if (close < 0) return false;
        var node = new InlineNoteSyntax
        {
            Text = text[(start + 2)..close],
            ContentStart = processor.GetSourcePosition(start + 2),
        };
        InlineEmit.Place(processor, ref slice, node, start, close);
        return true;
    }

    private static int Close(string text, int i, int end)
    {
        var depth = 0;
        for (; i <= end; i++)
        {
            switch (text[i])
            {
                case '\\': i++; break;
                case '`':
                {
                    var run = 1;
                    while (i + run <= end && text[i + run] == '`') run++;
                    var closing = text.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
                    if (closing >= 0 && closing <= end) i = closing + run - 1;
                    else i += run - 1;
                    break;
                }
                case '$':
                {
                    var closing = text.IndexOf('$', i + 1);
                    if (closing > i + 1 && closing <= end) i = closing;
                    break;
                }
                case '[': depth++; break;
                case ']':
                    if (depth == 0) return i;
                    depth--;
                    break;
            }
        }
        return -1;
    }
}
