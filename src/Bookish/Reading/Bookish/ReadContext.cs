using Bookish.Diagnostics;
using Bookish.Text;

namespace Bookish.Reading;

/// <summary>State shared by all chapters of one publication: diagnostics, side items and defined labels.</summary>
internal sealed class ReadContext(DiagnosticBag diagnostics, BookishXmlOptions options)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public BookishXmlOptions Options { get; } = options;
    public List<SideItem> SideItems { get; } = [];
    /// <summary>Labels of chapters, sections and figures, with the chapter defining them.</summary>
    public Dictionary<string, int> Labels { get; } = new(StringComparer.Ordinal);

    public void DefineLabel(string? label, int chapter, SourceSpan span)
    {
        if (string.IsNullOrEmpty(label)) return;
        if (Labels.ContainsKey(label) || SideItems.Any(s => s.Label == label && s.Chapter == chapter))
        {
            Diagnostics.Add(Diagnostic.Warning(DiagnosticIds.DuplicateLabel, span, $"label '{label}' is defined more than once"));
            return;
        }
        Labels[label] = chapter;
    }

    public void AddSideItem(SideItem item)
    {
        if (item.Label is { } l && (Labels.ContainsKey(l) || SideItems.Any(s => s.Label == l && s.Chapter == item.Chapter)))
            Diagnostics.Add(Diagnostic.Warning(DiagnosticIds.DuplicateLabel, item.Span, $"label '{l}' is defined more than once"));
        SideItems.Add(item);
    }

    /// <summary>Side item for a label: the referring chapter's own first, then any chapter's.</summary>
    public SideItem? FindSide(string label, int chapter) =>
        SideItems.FirstOrDefault(s => s.Label == label && s.Chapter == chapter) ?? SideItems.FirstOrDefault(s => s.Label == label);
}
