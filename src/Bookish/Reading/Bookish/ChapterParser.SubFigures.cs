using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Bookish.Model;

namespace Bookish.Reading;

/// <summary>
/// A <c>&lt;figure label caption&gt;</c> whose body is a table of images is one labelled figure with sub-images (a), (b), …:
/// each cell with an image is a sub-image, the cell's text after the image is its caption, and a row of text cells under
/// a row of images gives those images their captions (the two ways bookish authors laid such grids out). A caption the
/// author began with "(a)" keeps its text without the letter, which the writers add.
/// </summary>
internal sealed partial class ChapterParser
{
    [GeneratedRegex(@"^\s*\(?[a-z]\)\s*")] private static partial Regex SubLetter();

    private static (ImmutableArray<Figure> Parts, int Columns) SubFigures(Table grid)
    {
        var parts = new List<Figure>();
        var columns = 0;
        List<int>? lastImageRow = null;
        foreach (var row in grid.Rows)
        {
            var withImages = row.Cells.Where(c => c.Content.Any(i => i is Image)).ToList();
            if (withImages.Count == 0)
            {
                // Captions for the images just above, cell by cell.
                if (lastImageRow is null) { if (row.Cells.Any(c => Text(c.Content).Length > 0)) return ([], 0); continue; }
                for (var i = 0; i < row.Cells.Length && i < lastImageRow.Count; i++)
                {
                    var at = lastImageRow[i];
                    if (parts[at].Caption.Length == 0) parts[at] = parts[at] with { Caption = CaptionOf(row.Cells[i].Content) };
                }
                lastImageRow = null;
                continue;
            }
            lastImageRow = [];
            foreach (var cell in withImages)
            {
                var image = cell.Content.OfType<Image>().First();
                lastImageRow.Add(parts.Count);
                parts.Add(new Figure(image.Source, image.Alt, CaptionOf(cell.Content.Where(i => i is not Image).ToImmutableArray()), cell.Span));
            }
            columns = Math.Max(columns, withImages.Count);
        }
        return (parts.ToImmutableArray(), columns);
    }

    private static string Text(ImmutableArray<Inline> inlines) => Presentation.PlainText(inlines).Trim();

    /// <summary>The inlines without leading/trailing breaks and spaces, and without a leading "(a)" the writers add themselves.</summary>
    private static ImmutableArray<Inline> CaptionOf(ImmutableArray<Inline> inlines)
    {
        var list = inlines.ToList();
        while (list.Count > 0 && (list[0] is LineBreak or SoftBreak || list[0] is Str { Value: var v } && v.Trim().Length == 0)) list.RemoveAt(0);
        while (list.Count > 0 && (list[^1] is LineBreak or SoftBreak || list[^1] is Str { Value: var v } && v.Trim().Length == 0)) list.RemoveAt(list.Count - 1);
        if (list.Count > 0 && list[0] is Str first && SubLetter().Match(first.Value) is { Success: true } m)
        {
            var rest = first.Value[m.Length..];
            if (rest.Length == 0) list.RemoveAt(0); else list[0] = first with { Value = rest };
        }
        return list.ToImmutableArray();
    }
}
