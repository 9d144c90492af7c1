using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Bookish.Model;

/// <summary>
/// An inline HTML tag of the author's (<c>&lt;span style="color:#286ee0"&gt;</c>, <c>&lt;/span&gt;</c>, <c>&lt;br&gt;</c>): the
/// reader keeps each tag as a <see cref="RawInline"/> between the inlines it encloses; the writers pair an opening tag with
/// its closing tag in the same inline list (<see cref="Pairs"/>) so the enclosed text stays inside the element.
/// </summary>
internal sealed partial record HtmlInlineTag(string Name, bool Closing, bool Void, string? Colour)
{
    [GeneratedRegex(@"^<\s*(?<close>/)?\s*(?<name>[A-Za-z][A-Za-z0-9-]*)(?<attrs>[^>]*?)(?<self>/)?\s*>$", RegexOptions.Singleline)] private static partial Regex Tag();
    [GeneratedRegex(@"(?<![-\w])color\s*:\s*#(?<hex>[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b", RegexOptions.IgnoreCase)] private static partial Regex CssColour();

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase) { "br", "wbr", "img", "hr", "input" };

    public static HtmlInlineTag? Of(Inline inline)
    {
        if (inline is not RawInline { Format: "html" } r || Tag().Match(r.Text.Trim()) is not { Success: true } m) return null;
        var name = m.Groups["name"].Value.ToLowerInvariant();
        var colour = CssColour().Match(m.Groups["attrs"].Value) is { Success: true } c ? Hex(c.Groups["hex"].Value) : null;
        return new HtmlInlineTag(name, m.Groups["close"].Success, VoidElements.Contains(name) || m.Groups["self"].Success, colour);
    }

    private static string Hex(string h) => (h.Length == 3 ? string.Concat(h.Select(ch => $"{ch}{ch}")) : h).ToUpperInvariant();

    /// <summary>Opening tag index → its closing tag index, for tags properly nested within <paramref name="inlines"/>.</summary>
    public static IReadOnlyDictionary<int, int> Pairs(ImmutableArray<Inline> inlines)
    {
        var pairs = new Dictionary<int, int>();
        var open = new Stack<(int Index, string Name)>();
        for (var i = 0; i < inlines.Length; i++)
        {
            if (Of(inlines[i]) is not { Void: false } tag) continue;
            if (!tag.Closing) { open.Push((i, tag.Name)); continue; }
            // A closing tag closes the nearest open tag of its name; tags left open inside it stay unpaired.
            while (open.Count > 0)
            {
                var (index, name) = open.Pop();
                if (name != tag.Name) continue;
                pairs[index] = i;
                break;
            }
        }
        return pairs;
    }
}
