using AngleSharp.Dom;

namespace Bookish.Checks.Parity;

/// <summary>
/// The label a browser shows before an ordered list item (its <c>start</c>, <c>value</c>, <c>reversed</c> and
/// <c>type</c>; nested lists are decimal unless typed), as a word of the page: the PDF prints its labels as text, so
/// a nested list numbered 1, 2 in the page and (a), (b) in the PDF is a difference of the words "1." and "(a)".
/// </summary>
internal sealed partial class HtmlSide
{
    private static string ListLabel(IElement li, IElement ol)
    {
        var items = ol.Children.Where(c => c.LocalName == "li").ToList();
        var reversed = ol.HasAttribute("reversed");
        var n = int.TryParse(ol.GetAttribute("start"), out var start) ? start : reversed ? items.Count : 1;
        foreach (var item in items)
        {
            if (int.TryParse(item.GetAttribute("value"), out var v)) n = v;
            if (item == li) break;
            n += reversed ? -1 : 1;
        }
        return (ol.GetAttribute("type") ?? "1") switch
        {
            "a" => Alpha(n).ToLowerInvariant() + ".",
            "A" => Alpha(n) + ".",
            "i" => Roman(n).ToLowerInvariant() + ".",
            "I" => Roman(n) + ".",
            _ => n + ".",
        };
    }

    private static string Alpha(int n)
    {
        var s = "";
        for (; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s.Length == 0 ? "0" : s;
    }

    private static string Roman(int n)
    {
        var s = "";
        foreach (var (v, r) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            for (; n >= v; n -= v) s += r;
        return s;
    }
}
