using AngleSharp.Dom;
using Bookish.Model;

namespace Bookish.Html;

internal sealed partial class HtmlWriter
{
    private MathSpeech? _speech;

    /// <summary>What a screen reader says for an equation: its TeX read as words, the author's macros expanded.</summary>
    private string Spoken(string tex) => (_speech ??= new MathSpeech(_context.MathSettings.Preamble)).Speak(tex);

    /// <summary>
    /// A labelled equation's element carries its label as id (set by numbering); its positional id (#eq-5) and the
    /// labels of its other rows stay link targets as empty anchors inside it, so old deep links still land.
    /// </summary>
    private void AddAliases(IElement element, MathBlock m)
    {
        var aliases = new List<string>();
        if (m.Numbers.Length > 0) aliases.Add(Numbering.PositionalId(m.Numbers[0]));
        // Labels of rows that carry their own anchor (on the row's number) are not aliases of the display.
        var rowIds = RowIds(m);
        aliases.AddRange(m.Labels.Where(l => !rowIds.Contains(_page.Labels.Find(l)?.Id ?? "\0")));
        foreach (var alias in aliases.Distinct(StringComparer.Ordinal))
        {
            if (alias == m.Id || _aliases.Contains(alias)) continue;
            _aliases.Add(alias);
            var span = El("span", "id-alias");
            span.Id = alias;
            span.SetAttribute("aria-hidden", "true");
            element.InsertBefore(span, element.FirstChild);
        }
    }

    private readonly HashSet<string> _aliases = [];
}
